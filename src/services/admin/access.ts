import { assertCanChange, canManageOrganization, canReadAdminViews, type Actor } from '../../domain/roles.js';
import { forbidden } from '../../domain/errors.js';

/** Admin views: admin, billing admin and global reader of the organization. */
export function requireAdminReader(actor: Actor): void {
  if (!canReadAdminViews(actor.role))
    throw forbidden('admin_only', 'Only administrators of your organization can see this.');
}

/** Organization settings and taking control: admin and billing admin. */
export function requireManager(actor: Actor): void {
  requireAdminReader(actor);
  assertCanChange(actor);
  if (!canManageOrganization(actor.role))
    throw forbidden('admin_only', 'Only an admin or a billing admin can do this.');
}
