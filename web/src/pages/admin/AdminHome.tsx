import { Body1 } from '@fluentui/react-components';
import { useT } from '../../i18n';
import { useSession } from '../../session';
import { PageHeader } from '../../components/PageHeader';

export default function AdminHome() {
  const { t } = useT();
  const { me } = useSession();
  return (
    <>
      <PageHeader title={t('admin.title')} />
      <Body1>{t('admin.intro', { org: me!.organization.name })}</Body1>
    </>
  );
}
