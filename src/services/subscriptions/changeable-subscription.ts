import type { Subscription } from '../../db/subscriptions.js';
import { assertCanChange, canReadAdminViews, type Actor } from '../../domain/roles.js';
import { AppError, forbidden, notFound } from '../../domain/errors.js';

/**
 * A subscription only its buyer changes. Admin roles see a member's purchase read-only (403);
 * other members, and everyone of another organization, find nothing (404).
 */
export function assertChangeable<S extends Pick<Subscription, 'buyerId' | 'status'>>(
  actor: Actor,
  sub: S | undefined,
): asserts sub is S {
  if (!sub || (sub.buyerId !== actor.personId && !canReadAdminViews(actor.role))) throw notFound('The subscription');
  assertCanChange(actor);
  if (sub.buyerId !== actor.personId) {
    throw forbidden(
      'read_only_for_admins',
      "A member's self-service purchase is read-only for admins: take control of it to change it.",
    );
  }
  if (sub.status === 'deleted')
    throw new AppError('subscription_deleted', 'This subscription was deleted and can no longer be changed.');
}
