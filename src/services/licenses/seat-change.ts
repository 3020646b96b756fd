import type { Actor } from '../../domain/roles.js';
import type { Queryable } from '../../db/database.js';
import type { SeatChange } from '../../db/license-assignments.js';
import { findSubscription } from '../../db/subscriptions.js';
import { AppError } from '../../domain/errors.js';
import { MAX_USERS_AT_ONCE } from '../../domain/seats.js';
import { assertChangeable } from '../subscriptions/changeable-subscription.js';

export const named = (people: { id: string; displayName: string }[]) =>
  people.map((p) => ({ id: p.id, displayName: p.displayName }));
export const names = (people: { displayName: string }[]) => people.map((p) => p.displayName).join(', ');

export function tooMany(count: number) {
  return new AppError(
    'too_many_users',
    `Assign or unassign at most ${MAX_USERS_AT_ONCE} people at a time (${count} given).`,
    { max: MAX_USERS_AT_ONCE },
  );
}

/** The request's credential, for the statement to check (it may come from a server's cache). */
export const credentialOf = (actor: Actor) => actor.credential && { ...actor.credential, role: actor.role };

export const insufficient = (available: number, needed: number) =>
  new AppError(
    'insufficient_licenses',
    `Only ${available} licenses are available; ${needed} needed. Buy more licenses first.`,
    { available, needed },
  );

/** The refusal a seat change's verdict stands for, worded with the people it names. */
export async function refusal(
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
