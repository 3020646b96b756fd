import type { Deps } from '../deps.js';
import { canWrite, type Actor } from '../../domain/roles.js';
import { listPolicies } from '../../db/admin.js';
import type { SelfServicePolicy } from '../../db/policies.js';
import type { Term } from '../../domain/subscription.js';

/**
 * What the caller may do, said by the API so that the web app shows only that (and why not)
 * instead of refusing at the last click. The same rules as the use cases that act
 * (view.ts assertChangeable, set-license-total, cancel-subscription, reactivate-subscription,
 * buy-subscription), read without a lock: the use case still has the last word.
 */
export type Refusal =
  | 'read_only'
  | 'read_only_for_admins'
  | 'not_self_service_eligible'
  | 'self_service_disabled'
  | 'only_trials_allowed'
  | 'price_unavailable'
  | null;

export interface SubscriptionRights {
  changeLicenses: boolean;
  assignLicenses: boolean;
  cancel: boolean;
  reactivate: boolean;
  autoRenew: boolean;
  /** why the changes are refused, when they all are */
  reason: Refusal;
}

export function subscriptionRights(
  actor: Actor,
  s: { buyer: { id: string }; status: string; canceledAt: Date | string | null },
): SubscriptionRights {
  const reason: Refusal = !canWrite(actor.role)
    ? 'read_only'
    : s.buyer.id !== actor.personId
      ? 'read_only_for_admins'
      : null;
  const mine = reason === null && s.status !== 'deleted';
  const running = s.status === 'active' || s.status === 'trial';
  return {
    changeLicenses: mine && running,
    assignLicenses: mine && running,
    cancel: mine && s.canceledAt === null && s.status !== 'disabled',
    reactivate: mine && (s.status === 'expired' || s.status === 'disabled'),
    autoRenew: mine && (running || s.status === 'expired'),
    reason,
  };
}

/** A subscription as the API shows it, with what the caller may do with it. */
export const withRights = <S extends { buyer: { id: string }; status: string; canceledAt: Date | string | null }>(
  actor: Actor,
  s: S,
) => ({ ...s, can: subscriptionRights(actor, s) });

export interface PurchaseRights {
  buy: boolean;
  /** a trial the caller may start (the product has one, and the policy allows it) */
  trial: boolean;
  reason: Refusal;
}

interface ProductForSale {
  id: string;
  selfServiceEligible: boolean;
  trialDays: number;
  trialRequiresPaymentMethod: boolean;
  prices: Record<Term, number | null>;
}

/**
 * Per product, whether the caller may buy it or start its trial: the organization's policy binds
 * members' self-service purchases, not admins; a global reader buys nothing. What the rules allow
 * still needs a price in the organization's currency (a trial too: it becomes paid at its end);
 * a product the policy hides stays hidden for that reason, priced or not.
 */
export async function purchaseRights(deps: Deps, actor: Actor, products: ProductForSale[]) {
  const policies = new Map(
    actor.role === 'member' ? (await listPolicies(deps.db, actor.orgId)).map((p) => [p.productId, p.value]) : [],
  );
  return new Map(
    products.map((p): [string, PurchaseRights] => {
      const allowed = allowedBy(actor, p, policies.get(p.id) ?? 'Enabled');
      const unpriced = Object.values(p.prices).every((price) => price === null);
      return [p.id, unpriced && (allowed.buy || allowed.trial) ? NOT_FOR_SALE : allowed];
    }),
  );
}

const NOT_FOR_SALE: PurchaseRights = { buy: false, trial: false, reason: 'price_unavailable' };

function allowedBy(actor: Actor, p: ProductForSale, policy: SelfServicePolicy): PurchaseRights {
  const hasTrial = p.trialDays > 0;
  if (!canWrite(actor.role)) return { buy: false, trial: false, reason: 'read_only' };
  if (actor.role !== 'member') return { buy: true, trial: hasTrial, reason: null };
  if (!p.selfServiceEligible) return { buy: false, trial: false, reason: 'not_self_service_eligible' };
  if (policy === 'Disabled') return { buy: false, trial: false, reason: 'self_service_disabled' };
  if (policy === 'OnlyTrialsWithoutPaymentMethod')
    return { buy: false, trial: hasTrial && !p.trialRequiresPaymentMethod, reason: 'only_trials_allowed' };
  return { buy: true, trial: hasTrial, reason: null };
}
