import { Body1 } from '@fluentui/react-components';
import { useT } from '../i18n';
import { PageHeader } from '../components/PageHeader';

export default function Products() {
  const { t } = useT();
  return (
    <>
      <PageHeader title={t('page.products')} />
      <Body1>{t('common.empty')}</Body1>
    </>
  );
}
