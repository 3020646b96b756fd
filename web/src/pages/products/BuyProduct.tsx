import { useMemo, useReducer, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import {
  Button,
  Checkbox,
  Divider,
  Dropdown,
  Field,
  Option,
  Radio,
  RadioGroup,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { api, keyAfter, newIdempotencyKey } from '../../api';
import type { Item } from '../../api/types';
import { useT } from '../../i18n';
import { useProductDescription } from '../../i18n/product-text';
import { useSession } from '../../session';
import { useApi } from '../../useApi';
import { useSubmit } from '../../hooks/useSubmit';
import { PageHeader } from '../../components/PageHeader';
import { AddressFields, CardFields, TextField } from '../../components/CardFields';
import { ErrorBar } from '../../components/ErrorBar';
import { NoticeBar } from '../../components/NoticeBar';
import { beforeChange } from '../../components/ChangeQuote';
import { productsByCard, useCardLabel, useProfileLabel } from '../../components/labels';
import type { Subscription } from './types';
import type { BillingProfile, PaymentMethod } from '../bills/types';
import { licenseCount, newOrder, orderBody, orderReducer, pricedTerms, TERMS, type Order, type Term } from './order';
import { OrderSummary } from './OrderSummary';
import { useQuote } from './useQuote';

type Product = Item<'/api/products'>;

const useStyles = makeStyles({
  layout: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 560px) minmax(260px, 360px)',
    gap: tokens.spacingHorizontalXXL,
    alignItems: 'start',
    // on a phone the total comes after the form
    '@media (max-width: 767px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** The purchase: product, term and licenses, a card and a billing profile; price, tax and total before confirming. */
export default function BuyProduct() {
  const styles = useStyles();
  const navigate = useNavigate();
  const { t } = useT();
  const { me } = useSession();
  const { data: catalog } = useApi<{ items: Product[] }>('/api/products');
  // only what the caller may buy, or try (the organization's policy, their role): nothing is refused at the last click
  // what the caller may buy or try, and what only lacks a price in their currency: listed, not chosen
  const products = catalog?.items.filter((p) => p.can.buy || p.can.trial || p.can.reason === 'price_unavailable') ?? [];
  // the person's own cards and billing profiles, to pay with again, each told apart from the others
  const { data: cards } = useApi<{ items: PaymentMethod[] }>('/api/payment-methods');
  const { data: profiles } = useApi<{ items: BillingProfile[] }>('/api/billing-profiles');
  const saved = useMemo(() => ({ cards: cards?.items ?? [], profiles: profiles?.items ?? [] }), [cards, profiles]);
  const paysFor = useMemo(() => productsByCard(saved.profiles), [saved]);
  const cardLabel = useCardLabel();
  const describe = useProductDescription();
  const profileLabel = useProfileLabel();
  const [order, dispatch] = useReducer(orderReducer, null, () =>
    newOrder(me?.organization.country ?? 'FR', me?.person.displayName ?? ''),
  );
  const set = (change: Partial<Omit<Order, 'productId'>>) => dispatch({ type: 'set', change });
  const submit = useSubmit();
  const [key, setKey] = useState(newIdempotencyKey);

  const product = products.find((p) => p.id === order.productId);
  const count = licenseCount(order.quantity);
  const needsCard = !order.trial || (product?.trialRequiresPaymentMethod ?? true);
  const choice = {
    card: order.card ?? saved.cards[0]?.id ?? 'new',
    profile: order.profile ?? saved.profiles[0]?.id ?? 'new',
  };
  const country =
    choice.profile === 'new' ? order.address.country : saved.profiles.find((p) => p.id === choice.profile)?.country;
  const quote = useQuote(product?.id, count, order.term, choice.profile, order.address.country);

  const placeOrder = (bought: Product, licenses: number) =>
    void submit.run(
      async () => {
        const receiptOf = await beforeChange(null);
        const body = orderBody(order, licenses, choice, needsCard);
        const sub = await api<Subscription>('/api/subscriptions', {
          method: 'POST',
          body,
          headers: { 'idempotency-key': key },
        });
        const receipt = order.trial || !quote ? null : await receiptOf(sub.id, { money: 'charge', total: quote.total });
        await navigate(`/billing/products/${sub.id}`, {
          state: { notice: t('buy.done', { product: bought.name }), receipt },
        });
      },
      (err) => setKey(keyAfter(err, key)),
    );

  if (!catalog) return <Spinner label={t('common.loading')} />;
  return (
    <>
      <PageHeader title={t('buy.title')} />
      <div className={styles.layout}>
        <form
          className={styles.form}
          onSubmit={(e) => {
            e.preventDefault();
            if (product && count) placeOrder(product, count);
          }}
        >
          {submit.error && <ErrorBar>{submit.error}</ErrorBar>}
          {products.length === 0 && <NoticeBar intent="info">{t('can.nothingToBuy')}</NoticeBar>}
          <Field label={t('buy.product')} required>
            <Dropdown
              placeholder={t('buy.product')}
              value={product?.name ?? ''}
              selectedOptions={order.productId ? [order.productId] : []}
              onOptionSelect={(_, d) => {
                const chosen = products.find((p) => p.id === d.optionValue);
                dispatch({
                  type: 'product',
                  productId: chosen?.id ?? '',
                  trialOnly: chosen ? !chosen.can.buy : false,
                  terms: chosen ? pricedTerms(chosen.prices) : [],
                });
              }}
            >
              {products.map((p) => {
                const unpriced = p.can.reason === 'price_unavailable';
                return (
                  <Option key={p.id} value={p.id} text={p.name} disabled={unpriced}>
                    {unpriced ? t('buy.notForSale', { product: p.name }) : p.name}
                  </Option>
                );
              })}
            </Dropdown>
          </Field>
          {product && <Text>{describe(product)}</Text>}
          <Field label={t('buy.term')}>
            <RadioGroup layout="horizontal" value={order.term} onChange={(_, d) => set({ term: d.value as Term })}>
              {TERMS.map((term) => {
                const unsold = product?.prices[term] === null;
                const label = t(`term.${term}`);
                return (
                  <Radio
                    key={term}
                    value={term}
                    disabled={unsold}
                    label={unsold ? t('buy.termNotSold', { term: label }) : label}
                  />
                );
              })}
            </RadioGroup>
          </Field>
          <TextField
            label={t('buy.quantity')}
            type="number"
            min={1}
            max={10000}
            value={order.quantity}
            onChange={(_, d) => set({ quantity: d.value })}
            error={count ? submit.invalid.quantity : t('buy.invalidQuantity')}
          />
          {product?.can.trial && (
            <Checkbox
              checked={order.trial}
              disabled={!product.can.buy}
              onChange={(_, d) => set({ trial: d.checked === true })}
              label={t('buy.trial', { days: product.trialDays })}
            />
          )}
          {product && !product.can.buy && <NoticeBar intent="info">{t('can.trialOnly')}</NoticeBar>}
          {needsCard && (
            <>
              <Divider />
              <Field label={t('buy.card')}>
                <RadioGroup value={choice.card} onChange={(_, d) => set({ card: d.value })}>
                  {saved.cards.map((c) => (
                    <Radio
                      key={c.id}
                      value={c.id}
                      label={t('buy.useCard', { card: cardLabel(c, paysFor.get(c.id)) })}
                    />
                  ))}
                  <Radio value="new" label={t('buy.newCard')} />
                </RadioGroup>
              </Field>
              {choice.card === 'new' && (
                <CardFields value={order.newCard} onChange={(newCard) => set({ newCard })} errors={submit.invalid} />
              )}
              <Field label={t('buy.billing')}>
                <RadioGroup value={choice.profile} onChange={(_, d) => set({ profile: d.value })}>
                  {saved.profiles.map((p) => (
                    <Radio key={p.id} value={p.id} label={profileLabel(p)} />
                  ))}
                  <Radio value="new" label={t('buy.newProfile')} />
                </RadioGroup>
              </Field>
              {choice.profile === 'new' && (
                <TextField
                  label={t('buy.profileName')}
                  value={order.profileName}
                  onChange={(_, d) => set({ profileName: d.value })}
                  error={submit.invalid.name}
                />
              )}
              {(choice.profile === 'new' || choice.card === 'new') && (
                <AddressFields value={order.address} onChange={(address) => set({ address })} errors={submit.invalid} />
              )}
            </>
          )}
          <Button appearance="primary" type="submit" disabled={submit.busy || !product || !count}>
            {t('buy.confirm')}
          </Button>
        </form>
        <OrderSummary product={product} term={order.term} trial={order.trial} quote={quote} country={country} />
      </div>
    </>
  );
}
