import { useState } from 'react';
import { Field, Radio, RadioGroup, Text, Textarea } from '@fluentui/react-components';
import { api } from '../../api';
import { useT } from '../../i18n';
import { Pane } from '../../components/Pane';
import { QuoteSummary, useChangeQuote, useChangeRunner, type Receipt } from '../../components/ChangeQuote';
import { CANCEL_REASONS, type Subscription } from './types';

/** "Annuler l'abonnement": what it refunds and when, a reason, optional feedback, Save. */
export function CancelPane({
  subscription,
  onClose,
  onDone,
}: {
  subscription: Subscription | null;
  onClose: () => void;
  onDone: (s: Subscription, receipt: Receipt | null) => void;
}) {
  const { t } = useT();
  const quote = useChangeQuote(subscription?.id ?? '', subscription ? 'action=cancel' : null);
  const [reason, setReason] = useState<string>('');
  const [feedback, setFeedback] = useState('');
  const { busy, error, run } = useChangeRunner(subscription?.id ?? '', quote.quote, subscription !== null);
  const save = async () => {
    if (!subscription || !reason) return;
    await run(
      () =>
        api<Subscription>(`/api/subscriptions/${subscription.id}/cancel`, {
          method: 'POST',
          body: { reason, ...(feedback.trim() ? { feedback: feedback.trim() } : {}) },
        }),
      onDone,
    );
  };

  return (
    <Pane
      title={t('sub.cancel')}
      open={subscription !== null}
      onClose={onClose}
      onSubmit={save}
      submitLabel={t('common.save')}
      busy={busy || !reason}
      error={error}
    >
      {subscription && <Text weight="semibold">{subscription.product.name}</Text>}
      <QuoteSummary state={quote} />
      <Field label={t('cancel.reason')} required>
        <RadioGroup value={reason} onChange={(_, d) => setReason(d.value)}>
          {CANCEL_REASONS.map((r) => (
            <Radio key={r} value={r} label={t(`reason.${r}`)} />
          ))}
        </RadioGroup>
      </Field>
      <Field label={t('cancel.feedback')} hint={`${feedback.length} / 2000`}>
        <Textarea value={feedback} maxLength={2000} resize="vertical" onChange={(_, d) => setFeedback(d.value)} />
      </Field>
    </Pane>
  );
}
