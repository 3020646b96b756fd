export interface Money {
  amount: number;
  currency: string;
}

/** A subscription as GET /api/subscriptions answers it. */
export interface Subscription {
  id: string;
  product: { id: string; name: string; skuPartNumber: string };
  buyer: { id: string; displayName: string; email: string };
  status: 'trial' | 'active' | 'expired' | 'disabled' | 'deleted';
  term: 'monthly' | 'annual';
  total: number;
  assigned: number;
  available: number;
  pendingTotal: number | null;
  termStart: string;
  termEnd: string;
  nextCharge: { date: string; amount: Money } | null;
  autoRenew: boolean;
  price: Money;
  selfService: boolean;
  trial: boolean;
  canceledAt: string | null;
  billingProfile: { id: string; name: string; country: string } | null;
  paymentMethod: { id: string; brand: string; last4: string; expMonth: number; expYear: number } | null;
}

export const CANCEL_REASONS = ['too_expensive', 'no_longer_needed', 'switched_product', 'missing_features', 'technical_issues', 'bought_by_mistake', 'other'] as const;
