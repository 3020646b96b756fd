import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import type { Queryable } from '../../db/database.js';
import { isCheckViolation, isUniqueViolation } from '../../db/database.js';
import { assignSeats, findCandidates, unassignSeats, type SeatChange } from '../../db/license-assignments.js';
import type { Person } from '../../db/people.js';
import { findSubscription } from '../../db/subscriptions.js';
import { AppError } from '../../domain/errors.js';
import { canWrite } from '../../domain/roles.js';
import { MAX_USERS_AT_ONCE, distinctIds } from '../../domain/seats.js';
import { assertChangeable } from '../subscriptions/changeable-subscription.js';

export interface AssignResult {
  assigned: Person[];
  alreadyAssigned: Person[];
  total: number;
  assignedCount: number;
  available: number;
}

const named = (people: { id: string; displayName: string }[]) =>
  people.map((p) => ({ id: p.id, displayName: p.displayName }));
const names = (people: { displayName: string }[]) => people.map((p) => p.displayName).join(', ');

export function tooMany(count: number) {
  return new AppError(
    'too_many_users',
    `Assign or unassign at most ${MAX_USERS_AT_ONCE} people at a time (${count} given).`,
    { max: MAX_USERS_AT_ONCE },
  );
}

/** The request's credential, for the statement to check (it may come from a server's cache). */
const credentialOf = (actor: Actor) => actor.credential && { ...actor.credential, role: actor.role };

const insufficient = (available: number, needed: number) =>
  new AppError(
    'insufficient_licenses',
    `Only ${available} licenses are available; ${needed} needed. Buy more licenses first.`,
    { available, needed },
  );

/** The refusal a seat change's verdict stands for, worded with the people it names. */
async function refusal(
  db: Queryable,
  actor: Actor,
  subscriptionId: string,
  change: SeatChange,
  ids: string[],
): Promise<AppError> {
  const { people, subscription: sub } = change;
  switch (change.verdict) {
    case 'unauthenticated':
      return new AppError('unauthenticated', 'Sign in or present a valid API token.');
    case 'not_found':
    case 'not_buyer':
      // who may see it, and why it cannot be changed, as every subscription route says it
      assertChangeable(actor, await findSubscription(db, actor.orgId, subscriptionId));
      return new AppError('not_found', 'The subscription was not found.');
    case 'not_active':
      return new AppError(
        'subscription_not_active',
        'Licenses of an expired or disabled subscription cannot be assigned.',
      );
    case 'not_in_organization': {
      const active = new Set(people.filter((p) => p.status === 'active').map((p) => p.id));
      const disabled = people.filter((p) => p.status !== 'active');
      return new AppError(
        'not_in_organization',
        `Licenses can only be assigned to active people of your organization${disabled.length ? ` (not: ${names(disabled)})` : ''}.`,
        {
          users: ids
            .filter((id) => !active.has(id))
            .map((id) => ({ id, displayName: disabled.find((p) => p.id === id)?.displayName ?? null })),
        },
      );
    }
    case 'usage_location_required': {
      const noLocation = people.filter((p) => !p.usageLocation);
      return new AppError(
        'usage_location_required',
        `These people need a usage location first: ${names(noLocation)}.`,
        { users: named(noLocation) },
      );
    }
    case 'already_licensed': {
      const elsewhere = people.filter((p) => p.holdingSubscriptionId && p.holdingSubscriptionId !== subscriptionId);
      return new AppError(
        'already_licensed',
        `Already licensed for this product through another subscription: ${names(elsewhere)}.`,
        { users: named(elsewhere) },
      );
    }
    default:
      return insufficient(sub!.quantity - sub!.assigned, people.filter((p) => !p.holdingSubscriptionId).length);
  }
}

/**
 * Gives licenses of a subscription to 1-20 people of the organization, all or none. One statement
 * decides and writes it (see assignSeats), so the subscription's row lock is held for one round
 * trip; the database's seat CHECK and one-license-per-product key are the last word.
 */
export async function assignLicenses(
  deps: Deps,
  actor: Actor,
  subscriptionId: string,
  userIds: string[],
  tx?: Queryable,
  /** disabledPeople: a disabled person may be licensed too (Graph's assignLicense accepts them) */
  opts: { disabledPeople?: boolean } = {},
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
        disabledPeople: opts.disabledPeople,
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

/** Takes licenses back from 1-20 people, in one statement; someone who had none is not an error. */
export async function unassignLicenses(
  deps: Deps,
  actor: Actor,
  subscriptionId: string,
  userIds: string[],
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
