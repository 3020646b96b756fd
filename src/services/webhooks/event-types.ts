/** The events an endpoint can ask for (issue 15), each written in the transaction of its change. */
export const WEBHOOK_EVENT_TYPES = [
  'subscription.created',
  'subscription.updated',
  'subscription.canceled',
  'subscription.renewed',
  'subscription.expired',
  'subscription.disabled',
  'subscription.deleted',
  'license.assigned',
  'license.unassigned',
  'invoice.issued',
  'invoice.paid',
  'invoice.due',
  'person.created',
  'person.updated',
  'person.disabled',
  'person.deleted',
  'policy.updated',
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
