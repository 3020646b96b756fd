import type { Locale } from '../../domain/locale.js';

type Status = 'paid' | 'due' | 'refunded' | 'void';

/** The words of an invoice and a credit note: French ones as French law and usage name them. */
export const INVOICE_LABELS: Record<
  Locale,
  {
    invoice: string;
    credit_note: string;
    issued: string;
    period: string;
    corrects: (number: string, date: string) => string;
    seller: string;
    buyer: string;
    vatNumber: string;
    capital: (legalForm: string, amount: string) => string;
    companyNumber: string;
    product: string;
    quantity: string;
    unitPrice: string;
    amount: string;
    subtotal: string;
    vat: (rate: string, base: string) => string;
    total: string;
    term: { monthly: string; annual: string };
    status: Record<Status, string>;
    /** `method`: the words of the method that paid, and its name ("par carte VISA •••• 4242") */
    paidBy: (date: string, method: string) => string;
    refundedTo: (method: string) => string;
    dueNow: string;
    latePayment: string;
    noDiscount: string;
  }
> = {
  fr: {
    invoice: 'Facture',
    credit_note: 'Avoir',
    issued: "Date d'émission",
    period: 'Période de service',
    corrects: (number, date) => `Avoir sur la facture n° ${number} du ${date}`,
    seller: 'Vendeur',
    buyer: 'Client',
    vatNumber: 'N° TVA intracommunautaire',
    capital: (legalForm, amount) => `${legalForm} au capital de ${amount}`,
    companyNumber: 'SIREN',
    product: 'Désignation',
    quantity: 'Quantité',
    unitPrice: 'Prix unitaire HT',
    amount: 'Montant HT',
    subtotal: 'Total HT',
    vat: (rate, base) => `TVA ${rate} sur ${base}`,
    total: 'Total TTC',
    term: { monthly: 'mensuel', annual: 'annuel' },
    status: { paid: 'Payée', due: 'À payer', refunded: 'Remboursé', void: 'Annulée' },
    paidBy: (date, method) => `Payée le ${date} ${method}.`,
    refundedTo: (method) => `Remboursé ${method}.`,
    dueNow: 'Payable à réception.',
    latePayment:
      'En cas de retard de paiement : pénalités au taux de trois fois le taux d’intérêt légal, exigibles sans rappel, ' +
      'et, pour les clients professionnels, indemnité forfaitaire pour frais de recouvrement de 40 € (art. L441-10 et D441-5 du Code de commerce).',
    noDiscount: 'Pas d’escompte pour paiement anticipé.',
  },
  en: {
    invoice: 'Invoice',
    credit_note: 'Credit note',
    issued: 'Issue date',
    period: 'Service period',
    corrects: (number, date) => `Credit note for invoice ${number} of ${date}`,
    seller: 'Seller',
    buyer: 'Billed to',
    vatNumber: 'VAT number',
    capital: (legalForm, amount) => `${legalForm} with a share capital of ${amount}`,
    companyNumber: 'SIREN',
    product: 'Description',
    quantity: 'Quantity',
    unitPrice: 'Unit price excl. VAT',
    amount: 'Amount excl. VAT',
    subtotal: 'Total excl. VAT',
    vat: (rate, base) => `VAT ${rate} on ${base}`,
    total: 'Total incl. VAT',
    term: { monthly: 'monthly', annual: 'annual' },
    status: { paid: 'Paid', due: 'Due', refunded: 'Refunded', void: 'Void' },
    paidBy: (date, method) => `Paid on ${date} ${method}.`,
    refundedTo: (method) => `Refunded ${method}.`,
    dueNow: 'Payable upon receipt.',
    latePayment:
      'Late payment: interest at three times the French legal interest rate, due without reminder, ' +
      'and, for business customers, a fixed recovery fee of €40 (French Commercial Code, art. L441-10 and D441-5).',
    noDiscount: 'No discount for early payment.',
  },
};
