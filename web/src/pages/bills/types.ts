import type { Money } from '../products/types';

export interface Address { line1: string; line2?: string; city: string; postalCode: string; region?: string; country: string }

export interface PaymentMethod {
  id: string;
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
  nameOnCard: string;
  address: Address;
  expiresSoon: boolean;
}

export interface BillingProfile {
  id: string;
  name: string;
  address: Omit<Address, 'country'>;
  country: string;
  currency: string;
  invoiceEmail: string | null;
  vatNumber: string | null;
  paymentMethod: PaymentMethod | null;
  subscriptions: { id: string; productName: string; status: string; quantity: number; termEnd: string }[];
}

export interface InvoiceSummary {
  id: string;
  number: string;
  kind: 'invoice' | 'credit_note';
  issuedAt: string;
  periodStart: string | null;
  periodEnd: string | null;
  total: Money;
  subtotal: Money;
  tax: Money;
  status: 'paid' | 'due' | 'refunded' | 'void';
  productName: string | null;
}

export interface Invoice extends InvoiceSummary {
  taxRateBp: number;
  billingSnapshot: { name?: string; address?: { line1?: string; city?: string; postalCode?: string }; country?: string };
  payment: { brand: string; last4: string } | null;
  lines: { lineNo: number; description: string; quantity: number; periodStart: string; periodEnd: string; unitPrice: Money; amount: Money }[];
}
