import { useState } from 'react';
import { Dropdown, Option, Text } from '@fluentui/react-components';
import { api } from '../../api';
import type { Answer } from '../../api/types';
import { useT } from '../../i18n';
import { useSession } from '../../session';
import { useApi } from '../../useApi';
import { PageHeader } from '../../components/PageHeader';
import { textColumn } from '../../components/DataTable';
import { ListTable } from '../../components/ListTable';
import { NoticeBar } from '../../components/NoticeBar';
import { SettingsTabs } from './settings/SettingsTabs';

type Policies = Answer<'/api/admin/self-service-policy'>;
type ProductPolicy = Policies['items'][number];
type Policy = ProductPolicy['value'];
const VALUES = ['Enabled', 'OnlyTrialsWithoutPaymentMethod', 'Disabled'] as const satisfies readonly Policy[];

/** Paramètres > Achats et essais en libre-service: per product, Autoriser / uniquement les essais / Ne pas autoriser. */
export default function SelfServiceSettings() {
  const { t, problem } = useT();
  const { me } = useSession();
  const { data, error, setData } = useApi<Policies>('/api/admin/self-service-policy');
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);
  const readOnly = me?.person.role === 'global_reader';

  async function change(productId: string, productName: string, value: Policy) {
    setMessage(null);
    try {
      await api(`/api/admin/self-service-policy/${productId}`, { method: 'PUT', body: { value } });
      setData({ items: data!.items.map((p) => (p.productId === productId ? { ...p, value } : p)) });
      setMessage({
        intent: 'success',
        text: t('adm.policy.saved', { product: productName, value: t(`adm.policy.${value}`) }),
      });
    } catch (err) {
      setMessage({ intent: 'error', text: problem(err) });
    }
  }

  return (
    <>
      <PageHeader title={`${t('nav.adminSettings')} › ${t('adm.settings.title')}`} />
      <SettingsTabs />
      <Text block style={{ marginBottom: 16 }}>
        {t('adm.settings.intro')}
      </Text>
      {message && <NoticeBar intent={message.intent}>{message.text}</NoticeBar>}
      <ListTable
        data={data}
        error={error}
        label={t('adm.settings.title')}
        rowId={(p) => p.productId}
        columns={[
          textColumn('product', t('adm.col.product'), (p: ProductPolicy) => p.productName),
          {
            id: 'policy',
            header: t('adm.settings.title'),
            controls: 'one',
            cell: (p) => (
              <Dropdown
                aria-label={p.productName}
                disabled={readOnly}
                value={t(`adm.policy.${p.value}`)}
                selectedOptions={[p.value]}
                onOptionSelect={(_, d) =>
                  d.optionValue &&
                  d.optionValue !== p.value &&
                  void change(p.productId, p.productName, d.optionValue as Policy)
                }
              >
                {VALUES.map((v) => (
                  <Option key={v} value={v}>
                    {t(`adm.policy.${v}`)}
                  </Option>
                ))}
              </Dropdown>
            ),
          },
        ]}
      />
    </>
  );
}
