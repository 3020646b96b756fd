import { canManageOrganization, canReadAdminViews, canWrite, type Actor } from '../../domain/roles.js';
import { forbidden } from '../../domain/errors.js';

/** Admin views: admin, billing admin and global reader of the organization. */
export function requireAdminReader(actor: Actor): void {
  if (!canReadAdminViews(actor.role))
    throw forbidden('admin_only', 'Only administrators of your organization can see this.');
}

/** Organization settings and taking control: admin and billing admin. */
export function requireManager(actor: Actor): void {
  requireAdminReader(actor);
  if (!canWrite(actor.role)) throw forbidden('read_only', 'Your role can read but not change anything.');
  if (!canManageOrganization(actor.role))
    throw forbidden('admin_only', 'Only an admin or a billing admin can do this.');
}
