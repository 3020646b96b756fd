/** The ways to pay: each is a collection method in src/services/payments/methods/. */
export const METHOD_TYPES = ['card'] as const;
export type MethodType = (typeof METHOD_TYPES)[number];

/** How an invoice, a credit note or a quote names what paid: the scheme and the last four digits. */
export interface PaymentLabel {
  brand: string;
  last4: string;
}
