import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import {
  Button, Card, Checkbox, Divider, Dropdown, Field, MessageBar, MessageBarBody, Option, Radio, RadioGroup, Spinner, Text,
  makeStyles, tokens,
} from '@fluentui/react-components';
import { api, keyAfter, newIdempotencyKey } from '../../api';
import type { Answer, Item } from '../../api/types';
import { useT } from '../../i18n';
import { useProductDescription } from '../../i18n/product-text';
import { useSession } from '../../session';
import { useApi } from '../../useApi';
import { PageHeader } from '../../components/PageHeader';
import { AddressFields, CardFields, cardBody, emptyCard, TextField, type AddressDraft, type CardDraft, type FieldErrors } from '../../components/CardFields';
import { ErrorBar } from '../../components/ErrorBar';
import { beforeChange } from '../../components/ChangeQuote';
import type { Subscription } from './types';
import type { BillingProfile, PaymentMethod } from '../bills/types';
import { productsByCard, useCardLabel, useProfileLabel } from '../../components/labels';

type Product = Item<'/api/products'>;
type Quote = Answer<'/api/subscriptions/quote'>;

const useStyles = makeStyles({
  layout: {
    display: 'grid', gridTemplateColumns: 'minmax(0, 560px) minmax(260px, 360px)', gap: tokens.spacingHorizontalXXL, alignItems: 'start',
    // on a phone the total comes after the form
    '@media (max-width: 767px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  summary: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  line: { display: 'flex', justifyContent: 'space-between' },
});

/** The purchase: product, term and licenses, a card and a billing profile; price, tax and total before confirming. */
export default function BuyProduct() {
  const styles = useStyles();
  const navigate = useNavigate();
  const { t, money, problem, date, fieldErrors } = useT();
  const { me } = useSession();
  const { data: catalog } = useApi<{ items: Product[] }>('/api/products');
  // only what the caller may buy, or try (the organization's policy, their role): nothing is refused at the last click
  const products = catalog?.items.filter((p) => p.can.buy || p.can.trial) ?? [];
  const [productId, setProductId] = useState('');
  const [term, setTerm] = useState<'monthly' | 'annual'>('monthly');
  const [quantity, setQuantity] = useState('1');
  const [trial, setTrial] = useState(false);
  // the person's own cards and billing profiles, to pay with again, each told apart from the others
  const { data: cards } = useApi<{ items: PaymentMethod[] }>('/api/payment-methods');
  const { data: profiles } = useApi<{ items: BillingProfile[] }>('/api/billing-profiles');
  const saved = useMemo(() => ({ cards: cards?.items ?? [], profiles: profiles?.items ?? [] }), [cards, profiles]);
  const paysFor = useMemo(() => productsByCard(saved.profiles), [saved]);
  const cardLabel = useCardLabel();
  const describe = useProductDescription();
  const profileLabel = useProfileLabel();
  // the first saved card and profile until the buyer picks (a new one is 'new')
  const [pickedCard, setCardChoice] = useState<string | null>(null);
  const [pickedProfile, setProfileChoice] = useState<string | null>(null);
  const cardChoice = pickedCard ?? saved.cards[0]?.id ?? 'new';
  const profileChoice = pickedProfile ?? saved.profiles[0]?.id ?? 'new';
  const [card, setCard] = useState<CardDraft>(emptyCard);
  const [address, setAddress] = useState<AddressDraft>({ line1: '', city: '', postalCode: '', country: me?.organization.country ?? 'FR' });
  const [profileName, setProfileName] = useState(me?.person.displayName ?? '');
  const [fetchedQuote, setQuote] = useState<Quote | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [invalid, setInvalid] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);

  const product = products.find((p) => p.id === productId);
  const count = Number(quantity);
  const validCount = /^\d+$/.test(quantity) && count >= 1 && count <= 10_000;
  const needsCard = !trial || (product?.trialRequiresPaymentMethod ?? true);
  const country = profileChoice === 'new' ? address.country : saved.profiles.find((p) => p.id === profileChoice)?.country;

  // no quote for a product or quantity that cannot be bought
  const quote = product && validCount ? fetchedQuote : null;
  useEffect(() => {
    if (!product || !validCount) return;
    const q = new URLSearchParams({ productId: product.id, quantity: String(count), term });
    if (profileChoice !== 'new') q.set('billingProfileId', profileChoice);
    else if (/^[A-Z]{2}$/.test(address.country)) q.set('country', address.country);
    let live = true;
    api<Quote>(`/api/subscriptions/quote?${q}`).then((r) => live && setQuote(r), () => live && setQuote(null));
    return () => {
      live = false;
    };
  }, [product, count, validCount, term, profileChoice, address.country]);

  async function placeOrder() {
    if (!product) return;
    setBusy(true);
    setError(null);
    setInvalid({});
    try {
      const body: Record<string, unknown> = { productId: product.id, quantity: count, term, ...(trial ? { trial: true } : {}) };
      if (needsCard || profileChoice !== 'new') {
        if (profileChoice === 'new') body.billingProfile = { name: profileName, address: { line1: address.line1, city: address.city, postalCode: address.postalCode }, country: address.country };
        else body.billingProfileId = profileChoice;
      }
      if (needsCard) {
        if (cardChoice === 'new') body.card = cardBody(card, address);
        else body.paymentMethodId = cardChoice;
      }
      const receiptOf = await beforeChange(null);
      const sub = await api<Subscription>('/api/subscriptions', { method: 'POST', body, headers: { 'idempotency-key': key } });
      const receipt = trial || !quote ? null : await receiptOf(sub.id, { money: 'charge', total: quote.total });
      void navigate(`/billing/products/${sub.id}`, { state: { notice: t('buy.done', { product: product.name }), receipt } });
    } catch (err) {
      setError(problem(err));
      setInvalid(fieldErrors(err));
      setKey(keyAfter(err, key));
    } finally {
      setBusy(false);
    }
  }

  if (!catalog) return <Spinner label={t('common.loading')} />;
  return (
    <>
      <PageHeader title={t('buy.title')} />
      <div className={styles.layout}>
        <form className={styles.form} onSubmit={(e) => { e.preventDefault(); void placeOrder(); }}>
          {error && <ErrorBar>{error}</ErrorBar>}
          {products.length === 0 && <MessageBar intent="info"><MessageBarBody>{t('can.nothingToBuy')}</MessageBarBody></MessageBar>}
          <Field label={t('buy.product')} required>
            <Dropdown placeholder={t('buy.product')} value={product?.name ?? ''} selectedOptions={productId ? [productId] : []}
              onOptionSelect={(_, d) => { setProductId(d.optionValue ?? ''); setTrial(products.some((p) => p.id === d.optionValue && !p.can.buy)); }}>
              {products.map((p) => <Option key={p.id} value={p.id} text={p.name}>{p.name}</Option>)}
            </Dropdown>
          </Field>
          {product && <Text>{describe(product)}</Text>}
          <Field label={t('buy.term')}>
            <RadioGroup layout="horizontal" value={term} onChange={(_, d) => setTerm(d.value as 'monthly' | 'annual')}>
              <Radio value="monthly" label={t('term.monthly')} />
              <Radio value="annual" label={t('term.annual')} />
            </RadioGroup>
          </Field>
          <TextField label={t('buy.quantity')} type="number" min={1} max={10000} value={quantity} onChange={(_, d) => setQuantity(d.value)}
            error={validCount ? invalid.quantity : t('buy.invalidQuantity')} />
          {product && product.can.trial && (
            <Checkbox checked={trial} disabled={!product.can.buy} onChange={(_, d) => setTrial(d.checked === true)} label={t('buy.trial', { days: product.trialDays })} />
          )}
          {product && !product.can.buy && <MessageBar intent="info"><MessageBarBody>{t('can.trialOnly')}</MessageBarBody></MessageBar>}
          {needsCard && (
            <>
              <Divider />
              <Field label={t('buy.card')}>
                <RadioGroup value={cardChoice} onChange={(_, d) => setCardChoice(d.value)}>
                  {saved.cards.map((c) => <Radio key={c.id} value={c.id} label={t('buy.useCard', { card: cardLabel(c, paysFor.get(c.id)) })} />)}
                  <Radio value="new" label={t('buy.newCard')} />
                </RadioGroup>
              </Field>
              {cardChoice === 'new' && <CardFields value={card} onChange={setCard} errors={invalid} />}
              <Field label={t('buy.billing')}>
                <RadioGroup value={profileChoice} onChange={(_, d) => setProfileChoice(d.value)}>
                  {saved.profiles.map((p) => <Radio key={p.id} value={p.id} label={profileLabel(p)} />)}
                  <Radio value="new" label={t('buy.newProfile')} />
                </RadioGroup>
              </Field>
              {profileChoice === 'new' && (
                <TextField label={t('buy.profileName')} value={profileName} onChange={(_, d) => setProfileName(d.value)} error={invalid.name} />
              )}
              {(profileChoice === 'new' || cardChoice === 'new') && <AddressFields value={address} onChange={setAddress} errors={invalid} />}
            </>
          )}
          <Button appearance="primary" type="submit" disabled={busy || !product || !validCount}>{t('buy.confirm')}</Button>
        </form>
        <Card className={styles.summary} aria-label={t('buy.total')}>
          {quote && !trial ? (
            <>
              <div className={styles.line}><Text>{t('buy.price')}</Text><Text>{t('perLicenseMonth', { price: money(product!.prices[term]) })}</Text></div>
              <div className={styles.line}><Text>{t('buy.subtotal')}</Text><Text>{money(quote.subtotal)}</Text></div>
              <div className={styles.line}><Text>{t('buy.tax', { rate: `${quote.taxRateBp / 100} %` })}{country ? ` · ${country}` : ''}</Text><Text>{money(quote.tax)}</Text></div>
              <Divider />
              <div className={styles.line}><Text weight="semibold">{t('buy.total')}</Text><Text weight="semibold">{money(quote.total)}</Text></div>
              <Text>{t('buy.when', { date: date(quote.termStart), start: date(quote.termStart), end: date(quote.termEnd) })}</Text>
            </>
          ) : (
            <>
              <div className={styles.line}><Text weight="semibold">{t('buy.total')}</Text><Text weight="semibold">{product && trial ? money({ amount: 0, currency: product.prices[term].currency }) : '—'}</Text></div>
              {product && trial && quote && <Text>{t('buy.trialWhen', { date: date(new Date(Date.parse(quote.termStart) + product.trialDays * 86_400_000)) })}</Text>}
            </>
          )}
        </Card>
      </div>
    </>
  );
}
