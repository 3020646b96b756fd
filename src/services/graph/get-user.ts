import type { Deps } from '../deps.js';
import { delegatedOnly, requireAppRole, type GraphCaller } from './caller.js';
import { findUser, shapeUser, type UserPropertyName } from './users.js';

/** GET /users/{id | userPrincipalName}. */
export async function getUser(
  deps: Deps,
  { caller, idOrUpn, select }: { caller: GraphCaller; idOrUpn: string; select?: UserPropertyName[] | undefined },
) {
  const actor = requireAppRole(caller, 'User.Read.All', 'User.ReadWrite.All');
  return shapeUser(await findUser(deps, actor, idOrUpn), select);
}

/** GET /me: the signed-in person (an app has none). */
export async function getMe(deps: Deps, caller: GraphCaller, select?: UserPropertyName[]) {
  const actor = delegatedOnly(caller);
  return shapeUser(await findUser(deps, actor, actor.personId), select);
}
