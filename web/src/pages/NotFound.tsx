import { useNavigate } from 'react-router-dom';
import { Body1, Link } from '@fluentui/react-components';
import { useT } from '../i18n';
import { PageHeader } from '../components/PageHeader';

/** An address that leads nowhere: said in a heading, with the way home. */
export default function NotFound() {
  const { t } = useT();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title={t('notFound.title')} />
      <Body1 block>{t('notFound')}</Body1>
      <Link
        href="/"
        onClick={(e) => {
          e.preventDefault();
          void navigate('/');
        }}
      >
        {t('notFound.home')}
      </Link>
    </>
  );
}
