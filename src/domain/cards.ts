import { AppError, isErrorCode, kindOf, type CodeOf } from './errors.js';

export type CardBrand = 'visa' | 'mastercard' | 'amex' | 'discover';

export interface CardDetails {
  number: string;
  expMonth: number;
  expYear: number;
  cvc: string;
}

export const cardError = (code: CodeOf<'payment_failed'>, message: string) => new AppError(code, message);

export const CARD_MESSAGES: Partial<Record<CodeOf<'payment_failed'>, string>> = {
  invalid_card_number: 'The card number is not valid.',
  invalid_expiry_date: 'The expiration date is not valid.',
  invalid_cvc: 'The security code is not valid.',
  expired_card: 'The card has expired.',
  card_declined: 'The card was declined.',
  insufficient_funds: 'The card has insufficient funds.',
  incorrect_cvc: 'The security code is incorrect.',
};

const isPaymentFailure = (code: string): code is CodeOf<'payment_failed'> =>
  isErrorCode(code) && kindOf(code) === 'payment_failed';

/** The refusal of a card the gateway declined, with its code's message (a reason we do not know: declined). */
export const declined = (failureCode: string) => {
  const code = isPaymentFailure(failureCode) ? failureCode : 'card_declined';
  return cardError(code, CARD_MESSAGES[code] ?? 'The card was declined.');
};

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

export function brandOf(digits: string): CardBrand | undefined {
  if (/^4/.test(digits)) return 'visa';
  if (/^(5[1-5]|2(2[2-9]|[3-6]\d|7[01]|720))/.test(digits)) return 'mastercard';
  if (/^3[47]/.test(digits)) return 'amex';
  if (/^(6011|65|64[4-9])/.test(digits)) return 'discover';
  return undefined;
}

export function normalizeCardNumber(number: string): string {
  return number.replace(/[\s-]/g, '');
}

/** A card expires at the end of its expiry month. */
export function isExpired(expMonth: number, expYear: number, now: Date): boolean {
  return expYear < now.getUTCFullYear() || (expYear === now.getUTCFullYear() && expMonth < now.getUTCMonth() + 1);
}

/** Expires within `days` days from now (the list flags it). */
export function expiresSoon(expMonth: number, expYear: number, now: Date, days = 30): boolean {
  const endOfMonth = Date.UTC(expYear, expMonth, 1); // first instant after the expiry month
  return !isExpired(expMonth, expYear, now) && endOfMonth - now.getTime() <= days * 86_400_000;
}

export function validateExpiry(expMonth: number, expYear: number, now: Date): void {
  if (
    !Number.isInteger(expMonth) ||
    expMonth < 1 ||
    expMonth > 12 ||
    !Number.isInteger(expYear) ||
    expYear < 2000 ||
    expYear > 2100
  ) {
    throw cardError('invalid_expiry_date', CARD_MESSAGES.invalid_expiry_date!);
  }
  if (isExpired(expMonth, expYear, now)) throw cardError('expired_card', CARD_MESSAGES.expired_card!);
}

export function validateCvc(cvc: string, brand: CardBrand | undefined): void {
  const length = brand === 'amex' ? 4 : 3;
  if (!new RegExp(`^\\d{${length}}$`).test(cvc)) throw cardError('invalid_cvc', CARD_MESSAGES.invalid_cvc!);
}

/** Format checks made before the gateway is asked anything: Luhn, brand, expiry, CVC. */
export function validateCard(card: CardDetails, now: Date): { digits: string; brand: CardBrand } {
  const digits = normalizeCardNumber(card.number);
  const brand = /^\d{12,19}$/.test(digits) && luhnValid(digits) ? brandOf(digits) : undefined;
  if (!brand) throw cardError('invalid_card_number', CARD_MESSAGES.invalid_card_number!);
  validateExpiry(card.expMonth, card.expYear, now);
  validateCvc(card.cvc, brand);
  return { digits, brand };
}
