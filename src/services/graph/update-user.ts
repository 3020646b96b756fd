import type { Deps } from '../deps.js';
import { AppError } from '../../domain/errors.js';
import { updatePerson } from '../people/update-person.js';
import { insufficientPrivileges, requireAppRole, type GraphCaller } from './caller.js';
import { findUser } from './users.js';

/** PATCH /users/{id}: the usage location (and display name), through the admins' people editing and its audit. */
export async function updateUser(
  deps: Deps,
  {
    caller,
    idOrUpn,
    patch,
  }: { caller: GraphCaller; idOrUpn: string; patch: { usageLocation?: string | null; displayName?: string } },
) {
  const actor = requireAppRole(caller, 'User.ReadWrite.All');
  const user = await findUser(deps, actor, idOrUpn);
  try {
    await updatePerson(deps, {
      actor,
      id: user.id,
      edit: { ...patch, usageLocation: patch.usageLocation?.toUpperCase() ?? patch.usageLocation },
    });
  } catch (err) {
    if (err instanceof AppError && err.kind === 'forbidden') throw insufficientPrivileges();
    throw err;
  }
}
