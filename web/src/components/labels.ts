import { useLocale, useT } from '../i18n';

/** What a card or a billing profile pays for: what tells two alike apart. */
const paying = (t: ReturnType<typeof useT>['t'], products: string[] | undefined) =>
  products?.length ? t('label.paysFor', { products: [...new Set(products)].join(', ') }) : null;

/**
 * A payment method as a person tells it from their others: its name (a card's brand and last
 * digits), a card's expiry and the name on it where the answer has them, what it pays for.
 */
export function useCardLabel() {
  const { t } = useT();
  return (
    pm: { brand: string; last4: string; card?: { expMonth: number; expYear: number; nameOnCard: string } | null },
    paysFor?: string[],
  ) => {
    const name = t('pm.card', { brand: pm.brand.toUpperCase(), last4: pm.last4 });
    const expiry = pm.card
      ? t('pm.expires', { month: String(pm.card.expMonth).padStart(2, '0'), year: pm.card.expYear })
      : null;
    return [name, expiry, pm.card?.nameOnCard, paying(t, paysFor)].filter(Boolean).join(' · ');
  };
}

/** A billing profile as a person tells it from their others: its name (their nickname for it), where it bills to, what it pays for. */
export function useProfileLabel() {
  const { t } = useT();
  const { locale } = useLocale();
  const names = new Intl.DisplayNames([locale], { type: 'region' });
  return (bp: {
    name: string;
    country: string;
    address?: { line1?: string; city?: string };
    subscriptions?: { productName: string }[];
  }) =>
    [
      bp.name,
      [bp.address?.line1, bp.address?.city, names.of(bp.country)].filter(Boolean).join(', '),
      paying(
        t,
        bp.subscriptions?.map((s) => s.productName),
      ),
    ]
      .filter(Boolean)
      .join(' · ');
}

/** The products each card pays for, through the billing profiles that use it. */
export const productsByCard = (
  profiles: { paymentMethod: { id: string } | null; subscriptions: { productName: string }[] }[],
) => {
  const out = new Map<string, string[]>();
  for (const bp of profiles)
    if (bp.paymentMethod)
      out.set(bp.paymentMethod.id, [
        ...(out.get(bp.paymentMethod.id) ?? []),
        ...bp.subscriptions.map((s) => s.productName),
      ]);
  return out;
};
