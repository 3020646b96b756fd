import { forbidden } from './errors.js';

export const ROLES = ['member', 'admin', 'billing_admin', 'global_reader'] as const;
export type Role = (typeof ROLES)[number];

/** The person on whose behalf a request runs, with the organization that owns their data. */
export interface Actor {
  orgId: string;
  personId: string;
  role: Role;
  /** the session or token the request came with, when a statement must check it is still good */
  credential?: { via: 'session' | 'token'; id: string };
}

/** Roles that see the organization's admin views (the guide's read-only view). */
export const canReadAdminViews = (role: Role) => role !== 'member';
/** Roles that change organization settings such as the self-service policy. */
export const canManageOrganization = (role: Role) => role === 'admin' || role === 'billing_admin';
/** A global reader reads everything and changes nothing anywhere. */
export const canWrite = (role: Role) => role !== 'global_reader';

/** Refuses a global reader any change (403 read_only); `what` names the change in the refusal. */
export function assertCanChange(actor: Pick<Actor, 'role'>, what = 'change anything'): void {
  if (!canWrite(actor.role)) throw forbidden('read_only', `Your role can read but not ${what}.`);
}
