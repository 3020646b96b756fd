import type { SubscriptionStatus } from './subscription.js';
import { addDays, DAY_MS } from './term.js';

/** Days a subscription stays Expired (everyone keeps access), then Disabled (no access), then Deleted. */
export const EXPIRED_DAYS = 30;
export const DISABLED_DAYS = 90;
/** A lower total or a cancellation within this many days of the term's start is refunded. */
export const REFUND_WINDOW_DAYS = 7;

export const CANCEL_REASONS = [
  'too_expensive',
  'no_longer_needed',
  'switched_product',
  'missing_features',
  'technical_issues',
  'bought_by_mistake',
  'other',
] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];

export const withinRefundWindow = (termStart: Date, now: Date) =>
  now.getTime() < termStart.getTime() + REFUND_WINDOW_DAYS * DAY_MS;

/** Whether the licensed people can use the product. */
export const grantsAccess = (status: SubscriptionStatus) =>
  status === 'trial' || status === 'active' || status === 'expired';

export interface LifecycleState {
  status: SubscriptionStatus;
  termEnd: Date;
  autoRenew: boolean;
  startedAsTrial: boolean;
  /** a card to charge: a trial without one ends without conversion */
  hasPaymentMethod: boolean;
  statusChangedAt: Date;
}

/**
 * What the job runner must do with a subscription now. `renew` charges the next term (or
 * converts a trial); a failed charge leaves it Expired, where `retry` tries again once a day.
 */
export type LifecycleStep = 'renew' | 'expire' | 'retry' | 'disable' | 'delete' | 'none';

export function nextStep(s: LifecycleState, now: Date): LifecycleStep {
  const t = now.getTime();
  switch (s.status) {
    case 'trial':
    case 'active':
      if (t < s.termEnd.getTime()) return 'none';
      return s.autoRenew && s.hasPaymentMethod ? 'renew' : 'expire';
    case 'expired':
      if (t >= addDays(s.statusChangedAt, EXPIRED_DAYS).getTime()) return 'disable';
      return s.autoRenew && s.hasPaymentMethod ? 'retry' : 'none';
    case 'disabled':
      return t >= addDays(s.statusChangedAt, DISABLED_DAYS).getTime() ? 'delete' : 'none';
    default:
      return 'none';
  }
}
