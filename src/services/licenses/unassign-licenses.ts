import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import type { Queryable } from '../../db/database.js';
import { unassignSeats } from '../../db/license-assignments.js';
import { findSubscription } from '../../db/subscriptions.js';
import { canWrite } from '../../domain/roles.js';
import { MAX_USERS_AT_ONCE, distinctIds } from '../../domain/seats.js';
import { assertChangeable } from '../subscriptions/changeable-subscription.js';
import { credentialOf, refusal, tooMany } from './seat-change.js';

/** Takes licenses back from 1-20 people, in one statement; someone who had none is not an error. */
export async function unassignLicenses(
  deps: Deps,
  { actor, subscriptionId, userIds }: { actor: Actor; subscriptionId: string; userIds: string[] },
  /** the caller's transaction, to take part in */
  tx?: Queryable,
) {
  const ids = distinctIds(userIds);
  if (ids.length === 0 || ids.length > MAX_USERS_AT_ONCE) throw tooMany(ids.length);
  const db = tx ?? deps.db;
  if (!canWrite(actor.role)) assertChangeable(actor, await findSubscription(db, actor.orgId, subscriptionId));
  const change = await unassignSeats(
    db,
    { orgId: actor.orgId, subscriptionId, personIds: ids, by: actor.personId, credential: credentialOf(actor) },
    deps.clock.now(),
  );
  if (change.verdict !== 'ok') throw await refusal(db, actor, subscriptionId, change, ids);
  const sub = change.subscription!;
  const assignedCount = sub.assigned - change.changed.length;
  return { unassigned: change.changed, total: sub.quantity, assignedCount, available: sub.quantity - assignedCount };
}
