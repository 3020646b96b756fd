import { useEffect, useState } from 'react';
import { Text } from '@fluentui/react-components';
import { api, keyAfter, newIdempotencyKey } from '../../api';
import { useT } from '../../i18n';
import { Pane } from '../../components/Pane';
import { beforeChange, QuoteSummary, useChangeQuote, type Receipt } from '../../components/ChangeQuote';
import type { Subscription } from './types';

/** "Réactiver": a new term, its price, tax and date shown first, paid on confirmation. */
export function ReactivatePane({ subscription, open, onClose, onDone }: {
  subscription: Subscription; open: boolean; onClose: () => void; onDone: (s: Subscription, receipt: Receipt | null) => void;
}) {
  const { t, problem } = useT();
  const quote = useChangeQuote(subscription.id, open ? 'action=reactivate' : null);
  const [key, setKey] = useState(newIdempotencyKey);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (open) setError(null);
  }, [open]);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      const receipt = await beforeChange(subscription.id);
      const done = await api<Subscription>(`/api/subscriptions/${subscription.id}/reactivate`, { method: 'POST', headers: { 'idempotency-key': key } });
      setKey(newIdempotencyKey());
      onDone(done, await receipt(done.id, quote.quote));
    } catch (err) {
      setError(problem(err));
      setKey(keyAfter(err, key));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Pane title={t('reactivate.title')} open={open} onClose={onClose} onSubmit={confirm} submitLabel={t('reactivate.confirm')}
      busy={busy || !quote.quote} error={error}>
      <Text weight="semibold">{subscription.product.name}</Text>
      <QuoteSummary state={quote} />
    </Pane>
  );
}
