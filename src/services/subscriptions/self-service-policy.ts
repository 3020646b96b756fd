import type { Queryable } from '../../db/database.js';
import type { Subscription } from '../../db/subscriptions.js';
import { findPolicy } from '../../db/policies.js';
import { forbidden } from '../../domain/errors.js';

/**
 * Whether the organization lets the buyer of a self-service subscription pay for it again (a
 * trial's conversion, a reactivation): each is a purchase, which only the Enabled policy allows.
 */
export async function maySelfServiceBuy(tx: Queryable, sub: Subscription): Promise<boolean> {
  return !sub.selfService || (await findPolicy(tx, sub.orgId, sub.productId)) === 'Enabled';
}

export const policyRefuses = () =>
  forbidden('only_trials_allowed', 'Your organization no longer allows buying this product by self-service.');
