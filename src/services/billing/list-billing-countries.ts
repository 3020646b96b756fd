import type { Deps } from '../deps.js';
import { listTaxCountries } from '../../db/invoices.js';

/**
 * The countries a billing profile may be in, for any signed-in person: those whose VAT rate we
 * know, the table billingTaxRate reads, so that a form never offers a country a purchase refuses.
 */
export async function listBillingCountries(deps: Deps) {
  return { items: await listTaxCountries(deps.db) };
}
