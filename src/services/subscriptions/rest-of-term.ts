import type { Queryable } from '../../db/database.js';
import type { Subscription } from '../../db/subscriptions.js';
import { prorate } from '../../domain/pricing.js';
import { operationKey, refundFor, type PaidChange } from '../payments/paid-change.js';

/** Licenses from now to the term's end, priced pro rata: what a change within the term charges or refunds. */
export const restOfTerm = (sub: Subscription, licenses: number, now: Date) => ({
  licenses,
  subtotal: prorate(sub, licenses, now),
  term: { start: sub.termStart, end: sub.termEnd },
  periodStart: now,
});

/**
 * Gives back the rest of the term of `licenses` (all of the subscription's unless told; nothing
 * when nothing was paid), named by its purpose.
 */
export const refundRestOfTerm = (
  tx: Queryable,
  sub: Subscription,
  now: Date,
  { licenses = sub.quantity, ...change }: Pick<PaidChange, 'purpose' | 'actorId' | 'action'> & { licenses?: number },
) => refundFor(tx, sub, operationKey(sub, change.purpose), { ...change, ...restOfTerm(sub, licenses, now) });
