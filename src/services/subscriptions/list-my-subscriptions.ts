import { listSubscriptionViews } from '../../db/subscriptions.js';
import { canReadAdminViews, type Actor } from '../../domain/roles.js';
import type { Deps } from '../deps.js';
import { withRights } from './caller-rights.js';
import { present, type SubscriptionOut } from './subscription-view.js';

/** A member's Products page lists what they bought; an admin's lists every subscription of the organization. */
export async function listMySubscriptions(
  deps: Deps,
  actor: Actor,
  opts: { selfService?: boolean },
): Promise<SubscriptionOut[]> {
  const buyerId = canReadAdminViews(actor.role) ? null : actor.personId;
  return (await listSubscriptionViews(deps.db, actor.orgId, buyerId, opts)).map((v) =>
    withRights(actor, present(v, deps.clock.now())),
  );
}
