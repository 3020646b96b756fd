import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { findInvoice, type InvoiceDetail } from '../../db/invoices.js';
import { notFound } from '../../domain/errors.js';

/** One invoice of the caller, whatever became of its subscription since. */
export async function getMyInvoice(deps: Deps, actor: Actor, id: string): Promise<InvoiceDetail> {
  const invoice = await findInvoice(deps.db, actor.orgId, id);
  if (!invoice || invoice.ownerId !== actor.personId) throw notFound('The invoice');
  return invoice;
}
