import { Body1 } from '@fluentui/react-components';
import { useT } from '../i18n';
import { useSession } from '../session';
import { PageHeader } from '../components/PageHeader';

export default function Home() {
  const { t } = useT();
  const { me } = useSession();
  return (
    <>
      <PageHeader title={t('home.title', { name: me!.person.displayName })} />
      <Body1>{t('home.intro')}</Body1>
    </>
  );
}
