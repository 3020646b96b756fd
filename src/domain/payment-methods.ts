/** The ways to pay: each is a collection method in src/services/payments/methods/. */
export const METHOD_TYPES = ['card'] as const;
export type MethodType = (typeof METHOD_TYPES)[number];

/** How an invoice, a credit note or a quote names what paid: its way of paying, the scheme and the last four digits. */
export interface PaymentLabel {
  /** absent from labels written before payment methods had a type in them: a card's */
  method?: MethodType;
  brand: string;
  last4: string;
}
