import { Body1 } from '@fluentui/react-components';
import { useT } from '../i18n';
import { PageHeader } from '../components/PageHeader';
import { AppLink } from '../components/AppLink';

/** An address that leads nowhere: said in a heading, with the way home. */
export default function NotFound() {
  const { t } = useT();
  return (
    <>
      <PageHeader title={t('notFound.title')} />
      <Body1 block>{t('notFound')}</Body1>
      <AppLink to="/">{t('notFound.home')}</AppLink>
    </>
  );
}
