import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import type { Queryable } from '../../db/database.js';
import { isCheckViolation, isUniqueViolation } from '../../db/database.js';
import { deleteAssignments, findCandidates, insertAssignments } from '../../db/license-assignments.js';
import type { Person } from '../../db/people.js';
import { findSubscription, lockSubscription, type Subscription } from '../../db/subscriptions.js';
import { AppError } from '../../domain/errors.js';
import { MAX_USERS_AT_ONCE, distinctIds } from '../../domain/seats.js';
import { ownSubscription } from '../subscriptions/view.js';

export interface AssignResult {
  assigned: Person[];
  alreadyAssigned: Person[];
  total: number;
  assignedCount: number;
  available: number;
}

const named = (people: { id: string; displayName: string }[]) => people.map((p) => ({ id: p.id, displayName: p.displayName }));
const names = (people: { displayName: string }[]) => people.map((p) => p.displayName).join(', ');

function tooMany(count: number) {
  return new AppError(422, 'too_many_users', `Assign or unassign at most ${MAX_USERS_AT_ONCE} people at a time (${count} given).`, { max: MAX_USERS_AT_ONCE });
}

/**
 * Gives licenses of a subscription to 1-20 people of the organization, all or none. The
 * subscription row is locked for the transaction, so requests on one pool go one at a time on
 * every server; the database's seat CHECK and one-license-per-product key are the last word.
 */
export async function assignLicenses(deps: Deps, actor: Actor, subscriptionId: string, userIds: string[], tx?: Queryable): Promise<AssignResult> {
  const ids = distinctIds(userIds);
  if (ids.length === 0 || ids.length > MAX_USERS_AT_ONCE) throw tooMany(ids.length);
  const run = async (db: Queryable): Promise<AssignResult> => {
    // the checks first, the seat lock last: it is held only for the insert and the commit
    const sub = await ownSubscription(db, actor, subscriptionId);
    assertAssignable(sub);
    const people = await findCandidates(db, actor.orgId, sub.productId, ids);
    const found = new Set(people.filter((p) => p.status === 'active').map((p) => p.id));
    const outsiders = ids.filter((id) => !found.has(id));
    if (outsiders.length) {
      const disabled = people.filter((p) => p.status !== 'active');
      throw new AppError(422, 'not_in_organization',
        `Licenses can only be assigned to active people of your organization${disabled.length ? ` (not: ${names(disabled)})` : ''}.`,
        { users: outsiders.map((id) => ({ id, displayName: disabled.find((p) => p.id === id)?.displayName ?? null })) });
    }
    const noLocation = people.filter((p) => !p.usageLocation);
    if (noLocation.length) {
      throw new AppError(422, 'usage_location_required', `These people need a usage location first: ${names(noLocation)}.`, { users: named(noLocation) });
    }
    const elsewhere = people.filter((p) => p.holdingSubscriptionId && p.holdingSubscriptionId !== sub.id);
    if (elsewhere.length) {
      throw new AppError(409, 'already_licensed', `Already licensed for this product through another subscription: ${names(elsewhere)}.`, { users: named(elsewhere) });
    }
    let toAdd = people.filter((p) => p.holdingSubscriptionId !== sub.id);
    const locked = (await lockSubscription(db, actor.orgId, sub.id))!;
    assertAssignable(locked);
    const available = locked.quantity - locked.assigned;
    if (toAdd.length > available) {
      // an identical request may have assigned some of them while this one waited for the lock
      const current = await findCandidates(db, actor.orgId, sub.productId, toAdd.map((p) => p.id));
      const here = new Set(current.filter((p) => p.holdingSubscriptionId === sub.id).map((p) => p.id));
      toAdd = toAdd.filter((p) => !here.has(p.id));
      if (toAdd.length > available) throw insufficient(available, toAdd.length);
    }
    const added = new Set(await insertAssignments(db, { orgId: actor.orgId, subscriptionId: sub.id, productId: sub.productId, personIds: toAdd.map((p) => p.id), by: actor.personId }, deps.clock.now()));
    // the locked row counts the ones an identical request added meanwhile: they are already assigned
    const assignedCount = locked.assigned + added.size;
    return { assigned: toAdd.filter((p) => added.has(p.id)), alreadyAssigned: people.filter((p) => !added.has(p.id)), total: locked.quantity, assignedCount, available: locked.quantity - assignedCount };
  };
  try {
    return tx ? await run(tx) : await deps.db.transaction(run);
  } catch (err) {
    // the database refused what the checks above let through (another subscription, a race)
    if (isCheckViolation(err, 'subscriptions_seats')) {
      const sub = await findSubscription(deps.db, actor.orgId, subscriptionId);
      throw insufficient(sub ? sub.quantity - sub.assigned : 0, ids.length);
    }
    if (isUniqueViolation(err)) {
      // another subscription of the product took them meanwhile: name who, as the check above would have
      const sub = await findSubscription(deps.db, actor.orgId, subscriptionId);
      const taken = sub ? (await findCandidates(deps.db, actor.orgId, sub.productId, ids)).filter((p) => p.holdingSubscriptionId && p.holdingSubscriptionId !== sub.id) : [];
      throw new AppError(409, 'already_licensed', `Just licensed for this product through another subscription: ${names(taken)}.`, { users: named(taken) });
    }
    throw err;
  }
}

function assertAssignable(sub: Subscription) {
  if (sub.status !== 'active' && sub.status !== 'trial') {
    throw new AppError(409, 'subscription_not_active', 'Licenses of an expired or disabled subscription cannot be assigned.');
  }
}

const insufficient = (available: number, needed: number) =>
  new AppError(409, 'insufficient_licenses', `Only ${available} licenses are available; ${needed} needed. Buy more licenses first.`, { available, needed });

/** Takes licenses back from 1-20 people; someone who had none is not an error. */
export async function unassignLicenses(deps: Deps, actor: Actor, subscriptionId: string, userIds: string[], tx?: Queryable) {
  const ids = distinctIds(userIds);
  if (ids.length === 0 || ids.length > MAX_USERS_AT_ONCE) throw tooMany(ids.length);
  const run = async (db: Queryable) => {
    const sub = await ownSubscription(db, actor, subscriptionId, { lock: true });
    const removed = await deleteAssignments(db, { orgId: actor.orgId, subscriptionId: sub.id, personIds: ids, by: actor.personId }, deps.clock.now());
    const assignedCount = sub.assigned - removed.length;
    return { unassigned: removed, total: sub.quantity, assignedCount, available: sub.quantity - assignedCount };
  };
  return tx ? run(tx) : deps.db.transaction(run);
}
