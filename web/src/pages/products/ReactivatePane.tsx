import { Text } from '@fluentui/react-components';
import { api } from '../../api';
import { useT } from '../../i18n';
import { Pane, type PaneProps } from '../../components/Pane';
import { QuoteSummary, useChangeQuote, useChangeRunner, type Receipt } from '../../components/ChangeQuote';
import type { Subscription } from './types';

/** "Réactiver": a new term, its price, tax and date shown first, paid on confirmation. */
export function ReactivatePane({
  subscription,
  onDone,
  ...pane
}: PaneProps & { subscription: Subscription; onDone: (s: Subscription, receipt: Receipt | null) => void }) {
  const { t } = useT();
  const quote = useChangeQuote(subscription.id, pane.open ? 'action=reactivate' : null);
  const { busy, error, run } = useChangeRunner(subscription.id, quote.quote, pane.open);
  const confirm = () =>
    run(
      (key) =>
        api<Subscription>(`/api/subscriptions/${subscription.id}/reactivate`, {
          method: 'POST',
          headers: { 'idempotency-key': key },
        }),
      onDone,
    );

  return (
    <Pane
      {...pane}
      title={t('reactivate.title')}
      onSubmit={confirm}
      submitLabel={t('reactivate.confirm')}
      busy={busy || !quote.quote}
      error={error}
    >
      <Text weight="semibold">{subscription.product.name}</Text>
      <QuoteSummary state={quote} />
    </Pane>
  );
}
