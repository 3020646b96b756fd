import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import type { Queryable } from '../../db/database.js';
import { isCheckViolation, isUniqueViolation } from '../../db/database.js';
import { assignSeats, findCandidates, type SeatChange } from '../../db/license-assignments.js';
import type { Person } from '../../db/people.js';
import { findSubscription } from '../../db/subscriptions.js';
import { AppError } from '../../domain/errors.js';
import { canWrite } from '../../domain/roles.js';
import { MAX_USERS_AT_ONCE, distinctIds } from '../../domain/seats.js';
import { assertChangeable } from '../subscriptions/changeable-subscription.js';
import { credentialOf, insufficient, named, names, refusal, tooMany } from './seat-change.js';

export interface AssignResult {
  assigned: Person[];
  alreadyAssigned: Person[];
  total: number;
  assignedCount: number;
  available: number;
}

/**
 * Gives licenses of a subscription to 1-20 people of the organization, all or none. One statement
 * decides and writes it (see assignSeats), so the subscription's row lock is held for one round
 * trip; the database's seat CHECK and one-license-per-product key are the last word.
 */
export async function assignLicenses(
  deps: Deps,
  {
    actor,
    subscriptionId,
    userIds,
    disabledPeople,
  }: {
    actor: Actor;
    subscriptionId: string;
    userIds: string[];
    /** a disabled person may be licensed too (Graph's assignLicense accepts them) */
    disabledPeople?: boolean;
  },
  /** the caller's transaction, to take part in */
  tx?: Queryable,
): Promise<AssignResult> {
  const ids = distinctIds(userIds);
  if (ids.length === 0 || ids.length > MAX_USERS_AT_ONCE) throw tooMany(ids.length);
  const db = tx ?? deps.db;
  if (!canWrite(actor.role)) assertChangeable(actor, await findSubscription(db, actor.orgId, subscriptionId));
  const assign = () =>
    assignSeats(
      db,
      {
        orgId: actor.orgId,
        subscriptionId,
        personIds: ids,
        by: actor.personId,
        credential: credentialOf(actor),
        disabledPeople,
      },
      deps.clock.now(),
    );
  let change: SeatChange;
  try {
    change = await assign();
    // the statement saw the licenses as they were when it began: an identical request may have
    // assigned these people while it waited for the lock, so it looks again before refusing
    if (change.verdict === 'insufficient_licenses') change = await assign();
  } catch (err) {
    throw await lostRace(deps, actor, subscriptionId, ids, err);
  }
  if (change.verdict !== 'ok') throw await refusal(db, actor, subscriptionId, change, ids);
  const added = new Set(change.changed);
  const sub = change.subscription!;
  // the locked row counts the ones an identical request added meanwhile: they are already assigned
  const assignedCount = sub.assigned + added.size;
  const people = change.people.map(({ holdingSubscriptionId: _, ...p }) => p);
  return {
    assigned: people.filter((p) => added.has(p.id)),
    alreadyAssigned: people.filter((p) => !added.has(p.id)),
    total: sub.quantity,
    assignedCount,
    available: sub.quantity - assignedCount,
  };
}

/** The database refused what the statement's checks let through (another subscription took them meanwhile). */
async function lostRace(
  deps: Deps,
  actor: Actor,
  subscriptionId: string,
  ids: string[],
  err: unknown,
): Promise<unknown> {
  const sub = await findSubscription(deps.db, actor.orgId, subscriptionId);
  if (isCheckViolation(err, 'subscriptions_seats'))
    return insufficient(sub ? sub.quantity - sub.assigned : 0, ids.length);
  if (!isUniqueViolation(err) || !sub) return err;
  const taken = (await findCandidates(deps.db, actor.orgId, sub.productId, ids)).filter(
    (p) => p.holdingSubscriptionId && p.holdingSubscriptionId !== sub.id,
  );
  return new AppError(
    'already_licensed',
    `Just licensed for this product through another subscription: ${names(taken)}.`,
    { users: named(taken) },
  );
}
