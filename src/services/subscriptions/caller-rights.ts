import type { Deps } from '../deps.js';
import { canWrite, type Actor } from '../../domain/roles.js';
import { listPolicies } from '../../db/admin.js';

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

/**
 * Per product, whether the caller may buy it or start its trial: the organization's policy binds
 * members' self-service purchases, not admins; a global reader buys nothing.
 */
export async function purchaseRights(
  deps: Deps,
  actor: Actor,
  products: { id: string; selfServiceEligible: boolean; trialDays: number; trialRequiresPaymentMethod: boolean }[],
) {
  const policies = new Map(
    actor.role === 'member' ? (await listPolicies(deps.db, actor.orgId)).map((p) => [p.productId, p.value]) : [],
  );
  return new Map(
    products.map((p): [string, PurchaseRights] => {
      const hasTrial = p.trialDays > 0;
      if (!canWrite(actor.role)) return [p.id, { buy: false, trial: false, reason: 'read_only' }];
      if (actor.role !== 'member') return [p.id, { buy: true, trial: hasTrial, reason: null }];
      if (!p.selfServiceEligible) return [p.id, { buy: false, trial: false, reason: 'not_self_service_eligible' }];
      const policy = policies.get(p.id) ?? 'Enabled';
      if (policy === 'Disabled') return [p.id, { buy: false, trial: false, reason: 'self_service_disabled' }];
      if (policy === 'OnlyTrialsWithoutPaymentMethod') {
        return [p.id, { buy: false, trial: hasTrial && !p.trialRequiresPaymentMethod, reason: 'only_trials_allowed' }];
      }
      return [p.id, { buy: true, trial: hasTrial, reason: null }];
    }),
  );
}
