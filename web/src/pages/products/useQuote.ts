import { useEffect, useState } from 'react';
import { api } from '../../api';
import type { Answer } from '../../api/types';
import type { Term } from './order';

type Quote = Answer<'/api/subscriptions/quote'>;

/**
 * The price of an order as it stands, with the tax of the saved billing profile's country or of
 * the one typed: null when it cannot be priced (no product, a quantity out of range) or the pricing
 * failed; while a change is being priced, the last price stays.
 */
export function useQuote(
  productId: string | undefined,
  count: number | null,
  term: Term,
  profile: string,
  country: string,
): Quote | null {
  let path: string | null = null;
  if (productId && count) {
    const q = new URLSearchParams({ productId, quantity: String(count), term });
    if (profile !== 'new') q.set('billingProfileId', profile);
    else if (/^[A-Z]{2}$/.test(country)) q.set('country', country);
    path = `/api/subscriptions/quote?${q}`;
  }
  const [answer, setAnswer] = useState<{ path: string; quote: Quote | null } | null>(null);
  useEffect(() => {
    if (!path) return;
    let live = true;
    api<Quote>(path).then(
      (quote) => live && setAnswer({ path, quote }),
      () => live && setAnswer({ path, quote: null }),
    );
    return () => {
      live = false;
    };
  }, [path]);
  return path ? (answer?.quote ?? null) : null;
}
