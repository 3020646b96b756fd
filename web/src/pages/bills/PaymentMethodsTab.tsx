import { useState } from 'react';
import { Badge, Button, Link, Toolbar } from '@fluentui/react-components';
import { Add20Regular } from '@fluentui/react-icons';
import { api } from '../../api';
import { useT } from '../../i18n';
import { useApi } from '../../useApi';
import { useMayWrite } from '../../hooks/useMayWrite';
import { ListTable } from '../../components/ListTable';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { NoticeBar } from '../../components/NoticeBar';
import { AddCardPane, EditCardPane, useCardLabel } from './CardPanes';
import type { PaymentMethod } from './types';

/** Onglet "Modes de paiement": the cards; one opens in the right pane; "Ajouter un mode de paiement". */
export function PaymentMethodsTab() {
  const { t, problem } = useT();
  const label = useCardLabel();
  const mayWrite = useMayWrite();
  const { data, error, reload } = useApi<{ items: PaymentMethod[] }>('/api/payment-methods');
  const [open, setOpen] = useState<PaymentMethod | null>(null);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<PaymentMethod | null>(null);
  const [notice, setNotice] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);
  const done = (text: string) => {
    setOpen(null);
    setAdding(false);
    setRemoving(null);
    setNotice({ intent: 'success', text });
    reload();
  };
  async function remove(pm: PaymentMethod) {
    try {
      await api(`/api/payment-methods/${pm.id}`, { method: 'DELETE' });
      done(t('pm.removed'));
    } catch (err) {
      setRemoving(null);
      setNotice({ intent: 'error', text: problem(err) });
    }
  }

  return (
    <>
      {mayWrite && (
        <Toolbar>
          <Button appearance="primary" icon={<Add20Regular />} onClick={() => setAdding(true)}>
            {t('pm.add')}
          </Button>
        </Toolbar>
      )}
      {notice && <NoticeBar intent={notice.intent}>{notice.text}</NoticeBar>}
      <ListTable
        data={data}
        error={error}
        empty={t('pm.none')}
        label={t('bills.tab.methods')}
        rowId={(pm) => pm.id}
        columns={[
          {
            id: 'card',
            header: t('pm.col.card'),
            controls: 'one',
            cell: (pm) => <Link onClick={() => setOpen(pm)}>{label({ brand: pm.brand, last4: pm.last4 })}</Link>,
          },
          {
            id: 'name',
            header: t('pm.col.name'),
            sortBy: (pm) => pm.card?.nameOnCard ?? '',
            cell: (pm) => pm.card?.nameOnCard,
          },
          {
            id: 'expiry',
            header: t('pm.col.expiry'),
            sortBy: (pm) => (pm.card ? pm.card.expYear * 100 + pm.card.expMonth : 0),
            cell: ({ card }) =>
              card && (
                <>
                  {String(card.expMonth).padStart(2, '0')}/{card.expYear}
                  {card.expiresSoon && (
                    <Badge color="warning" appearance="tint" style={{ marginLeft: 8 }}>
                      {t('pm.expiresSoon')}
                    </Badge>
                  )}
                </>
              ),
          },
          {
            id: 'actions',
            header: t('pm.col.actions'),
            hideHeader: true,
            controls: 'one',
            cell: (pm) =>
              mayWrite && (
                <Button size="small" appearance="subtle" onClick={() => setRemoving(pm)}>
                  {t('pm.remove')}
                </Button>
              ),
          },
        ]}
      />
      <EditCardPane card={open} onClose={() => setOpen(null)} onSaved={() => done(t('pm.saved'))} />
      <ConfirmDialog
        open={removing !== null}
        title={t('pm.removeTitle')}
        text={removing ? t('pm.removeText', { card: label(removing) }) : ''}
        confirmLabel={t('pm.remove')}
        onConfirm={() => removing && void remove(removing)}
        onCancel={() => setRemoving(null)}
      />
      <AddCardPane open={adding} onClose={() => setAdding(false)} onAdded={() => done(t('pm.added'))} />
    </>
  );
}
