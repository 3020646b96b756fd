import { useState } from 'react';
import { Button, Field, Input, MessageBar, MessageBarActions, MessageBarBody, Text } from '@fluentui/react-components';
import { api } from '../../api';
import { useT } from '../../i18n';
import { Pane } from '../../components/Pane';
import { QuoteSummary, useChangeQuote, useChangeRunner, type Receipt } from '../../components/ChangeQuote';
import type { Subscription } from './types';
import { useChanged } from '../../hooks/useChanged';

export type TotalMode = 'buy' | 'remove';

/**
 * "Acheter des licences" / "Supprimer des licences": the new total, what it charges or refunds
 * and when, then Save. Each pane only goes its own way: a lower total in "Acheter des licences"
 * sends the person to "Supprimer des licences", and the other way round.
 */
export function LicenseTotalPane({
  subscription,
  mode,
  onClose,
  onSwitch,
  onDone,
}: {
  subscription: Subscription;
  mode: TotalMode | null;
  onClose: () => void;
  onSwitch: (mode: TotalMode) => void;
  onDone: (s: Subscription, receipt: Receipt | null) => void;
}) {
  const { t } = useT();
  const [total, setTotal] = useState(String(subscription.total));
  // afresh at each opening and closing, and when the total moved meanwhile
  if (useChanged(`${subscription.total}:${mode === null}`)) setTotal(String(subscription.total));

  const valid = /^\d+$/.test(total) && Number(total) >= 1 && Number(total) <= 10_000;
  const n = Number(total);
  const wrongWay =
    valid && ((mode === 'buy' && n < subscription.total) || (mode === 'remove' && n > subscription.total));
  const quote = useChangeQuote(subscription.id, mode && valid && !wrongWay ? `total=${n}` : null);
  const nothingToDo = quote.quote?.change === 'no_change' && subscription.pendingTotal === null;
  const { busy, error, run } = useChangeRunner(subscription.id, quote.quote, mode !== null);
  const save = () =>
    run(
      (key) =>
        api<Subscription>(`/api/subscriptions/${subscription.id}/licenses`, {
          method: 'PUT',
          body: { total: n },
          headers: { 'idempotency-key': key },
        }),
      onDone,
    );

  const other: TotalMode = mode === 'remove' ? 'buy' : 'remove';
  return (
    <Pane
      title={t(mode === 'remove' ? 'sub.removeLicenses' : 'sub.buyLicenses')}
      open={mode !== null}
      onClose={onClose}
      onSubmit={save}
      submitLabel={t('common.save')}
      busy={busy || !valid || wrongWay || !quote.quote || nothingToDo}
      error={error}
    >
      <Text weight="semibold">{subscription.product.name}</Text>
      <Text>{t(mode === 'remove' ? 'licenses.removeHelp' : 'licenses.buyHelp')}</Text>
      <Field
        label={t('sub.total')}
        required
        validationState={valid ? 'none' : 'error'}
        validationMessage={valid ? null : t('licenses.invalidTotal')}
      >
        <Input type="number" min={1} max={10000} value={total} onChange={(_, d) => setTotal(d.value)} />
      </Field>
      <Text>{t('label.value', { label: t('sub.assigned'), value: subscription.assigned })}</Text>
      {wrongWay ? (
        <MessageBar intent="warning">
          <MessageBarBody>
            {t(mode === 'buy' ? 'quote.lower' : 'quote.higher', { current: subscription.total })}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => onSwitch(other)}>{t(mode === 'buy' ? 'quote.goRemove' : 'quote.goBuy')}</Button>
          </MessageBarActions>
        </MessageBar>
      ) : (
        <QuoteSummary state={quote} />
      )}
    </Pane>
  );
}
