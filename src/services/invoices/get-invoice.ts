import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { getMyInvoice } from './get-my-invoice.js';
import { money } from './invoice-money.js';

export async function getInvoice(deps: Deps, actor: Actor, id: string) {
  const { ownerId: _, ...invoice } = await getMyInvoice(deps, actor, id);
  return {
    ...money(invoice),
    lines: invoice.lines.map((l) => ({
      ...l,
      unitPrice: { amount: l.unitPrice, currency: invoice.currency },
      amount: { amount: l.amount, currency: invoice.currency },
    })),
  };
}
