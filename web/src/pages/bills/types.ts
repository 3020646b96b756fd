import type { Answer, Item } from '../../api/types';

export type PaymentMethod = Item<'/api/payment-methods'>;
export type Address = PaymentMethod['address'];
export type BillingProfile = Answer<'/api/billing-profiles/{id}'>;
export type InvoiceSummary = Item<'/api/invoices'>;
export type Invoice = Answer<'/api/invoices/{id}'>;
