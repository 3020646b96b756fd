import { Tab, TabList } from '@fluentui/react-components';
import { useLocation, useNavigate } from 'react-router-dom';
import { useT } from '../../../i18n';

/** Settings > Self-service purchases | Sign-in | Provisioning | Webhooks | Apps; on a phone the tabs wrap onto a second line. */
export function SettingsTabs() {
  const { t } = useT();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  return (
    <TabList
      selectedValue={pathname}
      onTabSelect={(_, d) => void navigate(d.value as string)}
      style={{ marginBottom: 16, flexWrap: 'wrap' }}
    >
      <Tab value="/admin/settings">{t('adm.settings.title')}</Tab>
      <Tab value="/admin/sign-in">{t('set.signIn')}</Tab>
      <Tab value="/admin/provisioning">{t('set.provisioning')}</Tab>
      <Tab value="/admin/webhooks">{t('wh.tab')}</Tab>
      <Tab value="/admin/apps">{t('app.tab')}</Tab>
    </TabList>
  );
}
