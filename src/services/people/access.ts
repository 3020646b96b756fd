import { assertCanChange, type Actor } from '../../domain/roles.js';
import { forbidden } from '../../domain/errors.js';
import { requireAdminReader } from '../admin/access.js';

/** People, domains, sign-in and provisioning are the admin's (a billing admin manages money only). */
export function requireUserAdmin(actor: Actor): void {
  requireAdminReader(actor);
  assertCanChange(actor);
  if (actor.role !== 'admin') throw forbidden('admin_only', 'Only an admin can manage people and sign-in.');
}
