/** The stages of a subscription's life (see lifecycle.ts): the one list every layer derives from. */
export const SUBSCRIPTION_STATUSES = ['trial', 'active', 'expired', 'disabled', 'deleted'] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

/** How long a term runs, and so how often it is billed. */
export const TERMS = ['monthly', 'annual'] as const;
export type Term = (typeof TERMS)[number];
