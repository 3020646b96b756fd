import type { Body, Schemas } from '../../api/types';

/** A subscription as GET /api/subscriptions answers it. */
export type Subscription = Schemas['Subscription'];
export type Money = Subscription['price'];

type CancelReason = Body<'/api/subscriptions/{id}/cancel', 'post'>['reason'];
export const CANCEL_REASONS = [
  'too_expensive',
  'no_longer_needed',
  'switched_product',
  'missing_features',
  'technical_issues',
  'bought_by_mistake',
  'other',
] as const satisfies readonly CancelReason[];
