import { findSubscriptionView } from '../../db/subscriptions.js';
import { canReadAdminViews, type Actor } from '../../domain/roles.js';
import { notFound } from '../../domain/errors.js';
import type { Deps } from '../deps.js';
import { withRights } from './caller-rights.js';
import { present, type SubscriptionOut } from './subscription-view.js';

/** The buyer sees their subscription; admin roles read every one of their organization. */
export async function getSubscription(deps: Deps, actor: Actor, id: string): Promise<SubscriptionOut> {
  const v = await findSubscriptionView(deps.db, actor.orgId, id);
  if (!v || (v.buyerId !== actor.personId && !canReadAdminViews(actor.role))) throw notFound('The subscription');
  return withRights(actor, present(v, deps.clock.now()));
}
