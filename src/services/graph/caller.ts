import type { Actor } from '../../domain/roles.js';
import type { AppRole } from '../../domain/graph-permissions.js';
import { AppError } from '../../domain/errors.js';

/**
 * Who calls the Graph-compatible API: a person (delegated: their session or API token), or an
 * app with its own token, acting for the admin who registered it within the roles it was granted.
 */
export interface GraphCaller {
  actor: Actor;
  app: { id: string; name: string; roles: readonly string[] } | null;
}

/** An app needs one of the application permissions Graph accepts for the call; a person's rights are their role's. */
export function requireAppRole(caller: GraphCaller, ...accepted: AppRole[]): Actor {
  if (caller.app && !accepted.some((r) => caller.app!.roles.includes(r))) throw insufficientPrivileges();
  return caller.actor;
}

export const insufficientPrivileges = () =>
  new AppError('forbidden', 'Insufficient privileges to complete the operation.', {
    graphCode: 'Authorization_RequestDenied',
  });

/** /me is a person: an app has none. */
export function delegatedOnly(caller: GraphCaller): Actor {
  if (caller.app)
    throw new AppError('delegated_only', '/me request is only valid with delegated authentication flow.', {
      graphCode: 'BadRequest',
    });
  return caller.actor;
}
