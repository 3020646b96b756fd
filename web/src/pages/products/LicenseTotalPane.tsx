import { useEffect, useState } from 'react';
import { Field, Input, Text } from '@fluentui/react-components';
import { api, keyAfter, newIdempotencyKey } from '../../api';
import { useT } from '../../i18n';
import { Pane } from '../../components/Pane';
import type { Subscription } from './types';

/** "Acheter des licences" / "Supprimer des licences": the new total, then Save. */
export function LicenseTotalPane({ subscription, mode, onClose, onDone }: {
  subscription: Subscription; mode: 'buy' | 'remove' | null; onClose: () => void; onDone: (s: Subscription) => void;
}) {
  const { t, problem } = useT();
  const [total, setTotal] = useState(String(subscription.total));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // one key per opening of the pane: a double click or a retry never charges twice
  const [key, setKey] = useState(newIdempotencyKey);
  useEffect(() => {
    if (mode) {
      setTotal(String(subscription.total));
      setError(null);
      setKey(newIdempotencyKey());
    }
  }, [mode, subscription.total]);

  async function save() {
    setBusy(true);
    setError(null);
    try {
      onDone(await api<Subscription>(`/api/subscriptions/${subscription.id}/licenses`, {
        method: 'PUT', body: { total: Number(total) }, headers: { 'idempotency-key': key },
      }));
    } catch (err) {
      setError(problem(err));
      setKey(keyAfter(err, key));
    } finally {
      setBusy(false);
    }
  }

  const valid = /^\d+$/.test(total) && Number(total) <= 10_000;
  return (
    <Pane title={t(mode === 'remove' ? 'sub.removeLicenses' : 'sub.buyLicenses')} open={mode !== null} onClose={onClose} onSubmit={save}
      submitLabel={t('common.save')} busy={busy || !valid} error={error}>
      <Text weight="semibold">{subscription.product.name}</Text>
      <Text>{t(mode === 'remove' ? 'licenses.removeHelp' : 'licenses.buyHelp')}</Text>
      <Field label={t('sub.total')} required validationState={valid ? 'none' : 'error'}>
        <Input type="number" min={1} max={10000} value={total} onChange={(_, d) => setTotal(d.value)} />
      </Field>
      <Text>{t('sub.assigned')}: {subscription.assigned}</Text>
    </Pane>
  );
}
