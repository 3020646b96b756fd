import type { Queryable } from '../../db/database.js';
import { findTaxRate } from '../../db/invoices.js';
import { AppError } from '../../domain/errors.js';

/**
 * The VAT rate to bill a country at. The one rule for every purchase, change and billing profile:
 * a country whose rate we do not know is refused, never billed at 0 %.
 */
export async function billingTaxRate(db: Queryable, country: string): Promise<number> {
  const rate = await findTaxRate(db, country);
  if (rate === undefined) throw new AppError('unsupported_country', `We cannot bill to ${country}.`, { country });
  return rate;
}
