import { useState } from 'react';
import {
  Button,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  Radio,
  RadioGroup,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { api } from '../../api';
import { useT } from '../../i18n';
import { useSession } from '../../session';
import { useApi } from '../../useApi';
import { Pane } from '../../components/Pane';
import type { Subscription } from '../products/types';
import type { Purchase } from './types';
import { useChanged } from '../../hooks/useChanged';

const useStyles = makeStyles({
  fields: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0 },
});

/**
 * A member's self-service purchase, read-only: the guide's six fields and nothing to edit. An
 * admin or billing admin may take control of it: move its users, or cancel it.
 */
export function PurchasePane({
  id,
  onClose,
  onChanged,
}: {
  id: string | null;
  onClose: () => void;
  onChanged: () => void;
}) {
  const styles = useStyles();
  const { t, date, money, number, problem } = useT();
  const { me } = useSession();
  const { data, error, reload } = useApi<Purchase>(id ? `/api/admin/self-service-purchases/${id}` : null);
  const mayTakeControl = me?.person.role === 'admin' || me?.person.role === 'billing_admin';
  const [taking, setTaking] = useState(false);
  const [action, setAction] = useState<'move_users' | 'cancel'>('move_users');
  const [target, setTarget] = useState('');
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);
  const orgSubs = useApi<{ items: Subscription[] }>(taking ? '/api/subscriptions?selfService=false' : null);
  if (useChanged(id)) {
    setTaking(false);
    setMessage(null);
    setTarget('');
    setReason('');
  }
  const p = data && data.id === id ? data : undefined;
  const targets = (orgSubs.data?.items ?? []).filter(
    (s) =>
      !s.selfService &&
      p &&
      s.product.id === p.product.id &&
      s.available >= p.assignedUsers.length &&
      (s.status === 'active' || s.status === 'trial'),
  );

  async function take() {
    if (!p) return;
    if (!taking) return setTaking(true);
    try {
      await api(`/api/admin/self-service-purchases/${p.id}/take-control`, {
        method: 'POST',
        body: action === 'move_users' ? { action, targetSubscriptionId: target } : { action, reason },
      });
      setMessage({ intent: 'success', text: t('adm.take.done') });
      setTaking(false);
      reload();
      onChanged();
    } catch (err) {
      setMessage({ intent: 'error', text: problem(err) });
    }
  }

  const canSubmit =
    mayTakeControl &&
    p &&
    p.status !== 'deleted' &&
    (!taking || (action === 'move_users' ? Boolean(target) : reason.trim().length > 0));
  return (
    <Pane
      title={p ? p.product.name : t('common.loading')}
      open={id !== null}
      onClose={onClose}
      onSubmit={take}
      busy={!canSubmit}
      submitLabel={taking ? t('adm.take.confirm') : t('adm.takeControl')}
    >
      {error ? (
        <MessageBar intent="error">
          <MessageBarBody>{problem(error)}</MessageBarBody>
        </MessageBar>
      ) : null}
      {message && (
        <MessageBar intent={message.intent}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      {p && (
        <dl className={styles.fields} aria-label={p.product.name}>
          <dt className={styles.term}>{t('adm.col.product')}</dt>
          <dd className={styles.detail}>{p.product.name}</dd>
          <dt className={styles.term}>{t('adm.col.buyer')}</dt>
          <dd className={styles.detail}>
            {p.buyer.displayName} ({p.buyer.email})
          </dd>
          <dt className={styles.term}>{t('adm.col.licenses')}</dt>
          <dd className={styles.detail}>{number(p.licensesPurchased)}</dd>
          <dt className={styles.term}>{t('adm.col.expires')}</dt>
          <dd className={styles.detail}>{date(p.expirationDate)}</dd>
          <dt className={styles.term}>{t('adm.col.price')}</dt>
          <dd className={styles.detail}>
            {t('adm.price', {
              perLicense: money(p.purchasePrice.perLicense),
              total: money(p.purchasePrice.total),
              term: t(`adm.term.${p.term}`),
            })}
          </dd>
          <dt className={styles.term}>{t('adm.col.users')}</dt>
          <dd className={styles.detail}>
            {p.assignedUsers.length === 0
              ? t('adm.nobodyAssigned')
              : p.assignedUsers.map((u) => (
                  <Text block key={u.id}>
                    {u.displayName} · {u.email}
                  </Text>
                ))}
          </dd>
        </dl>
      )}
      {taking && p && (
        <>
          <RadioGroup
            value={action}
            onChange={(_, d) => setAction(d.value as 'move_users' | 'cancel')}
            aria-label={t('adm.takeControl')}
          >
            <Radio value="move_users" label={t('adm.take.move')} />
            <Radio value="cancel" label={t('adm.take.cancel')} />
          </RadioGroup>
          {action === 'move_users' &&
            (targets.length === 0 ? (
              <Text>{t('adm.take.noTarget')}</Text>
            ) : (
              <Field label={t('adm.take.target')} required>
                <Dropdown
                  selectedOptions={target ? [target] : []}
                  value={
                    targets.find((s) => s.id === target)
                      ? t('adm.take.targetOption', {
                          product: p.product.name,
                          available: targets.find((s) => s.id === target)!.available,
                        })
                      : ''
                  }
                  onOptionSelect={(_, d) => setTarget(d.optionValue ?? '')}
                >
                  {targets.map((s) => (
                    <Option key={s.id} value={s.id}>
                      {t('adm.take.targetOption', { product: s.product.name, available: s.available })}
                    </Option>
                  ))}
                </Dropdown>
              </Field>
            ))}
          {action === 'cancel' && (
            <Field label={t('adm.take.reason')} required>
              <Input value={reason} maxLength={500} onChange={(_, d) => setReason(d.value)} />
            </Field>
          )}
          <Button appearance="subtle" onClick={() => setTaking(false)}>
            {t('common.cancel')}
          </Button>
        </>
      )}
    </Pane>
  );
}
