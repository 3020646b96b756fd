import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { listMySubscriptions } from '../subscriptions/list-my-subscriptions.js';

/** The Licenses page: each subscription the person may see, with its counts. */
export async function listLicenses(deps: Deps, actor: Actor) {
  const subs = await listMySubscriptions(deps, actor, {});
  return {
    items: subs.map((s) => ({
      subscriptionId: s.id,
      product: s.product,
      status: s.status,
      total: s.total,
      assigned: s.assigned,
      available: s.available,
      selfService: s.selfService,
      buyer: s.buyer,
    })),
  };
}
