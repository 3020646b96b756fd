import type { Body } from '../../api/types';
import { cardBody, emptyCard, type AddressDraft, type CardDraft } from '../../components/CardFields';

export type Term = 'monthly' | 'annual';
export const TERMS: readonly Term[] = ['monthly', 'annual'];

/** The terms a product is sold on: a term without a price in the organization's currency is not for sale. */
export const pricedTerms = (prices: Record<Term, object | null>) => TERMS.filter((term) => prices[term] !== null);

/**
 * What the person has chosen so far on "Acheter un produit", as typed. A card or billing profile
 * left `null` is the first saved one (a new one when there is none): the lists load after the form.
 */
export interface Order {
  productId: string;
  term: Term;
  quantity: string;
  trial: boolean;
  card: string | null;
  profile: string | null;
  newCard: CardDraft;
  address: AddressDraft;
  profileName: string;
}

export type OrderChange =
  /** another product: a product the person may only try is tried, on a term it is sold on */
  | { type: 'product'; productId: string; trialOnly: boolean; terms: readonly Term[] }
  | { type: 'set'; change: Partial<Omit<Order, 'productId'>> };

export const newOrder = (country: string, profileName: string): Order => ({
  productId: '',
  term: 'monthly',
  quantity: '1',
  trial: false,
  card: null,
  profile: null,
  newCard: emptyCard,
  address: { line1: '', city: '', postalCode: '', country },
  profileName,
});

export function orderReducer(order: Order, change: OrderChange): Order {
  switch (change.type) {
    case 'product':
      return {
        ...order,
        productId: change.productId,
        trial: change.trialOnly,
        term: change.terms.includes(order.term) ? order.term : (change.terms[0] ?? order.term),
      };
    case 'set':
      return { ...order, ...change.change };
  }
}

/** The number of licenses, when the quantity typed is one (1 to 10,000). */
export const licenseCount = (quantity: string) =>
  /^\d+$/.test(quantity) && Number(quantity) >= 1 && Number(quantity) <= 10_000 ? Number(quantity) : null;

/**
 * POST /api/subscriptions's body: a billing profile when a card is needed or a saved one is
 * chosen, a card only when one is needed (a trial may go without).
 */
export function orderBody(
  order: Order,
  count: number,
  choice: { card: string; profile: string },
  needsCard: boolean,
): Body<'/api/subscriptions', 'post'> {
  const { productId, term, trial, address } = order;
  return {
    productId,
    quantity: count,
    term,
    ...(trial ? { trial: true } : {}),
    ...(needsCard || choice.profile !== 'new'
      ? choice.profile === 'new'
        ? {
            billingProfile: {
              name: order.profileName,
              address: { line1: address.line1, city: address.city, postalCode: address.postalCode },
              country: address.country,
            },
          }
        : { billingProfileId: choice.profile }
      : {}),
    ...(needsCard
      ? choice.card === 'new'
        ? { card: cardBody(order.newCard, address) }
        : { paymentMethodId: choice.card }
      : {}),
  };
}
