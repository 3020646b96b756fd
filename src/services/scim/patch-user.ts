import { scimPatch, type ScimPatchOperation } from 'scim-patch';
import type { Deps } from '../deps.js';
import { ScimError, scimUserFields, SCHEMAS, type ScimResource } from '../../domain/scim.js';
import { changeUser } from './replace-user.js';
import type { ScimCaller } from './authenticate.js';

/**
 * The operations of a PatchOp request, as scim-patch takes them. Entra ID writes "Add",
 * "Replace" and "Remove" capitalized and the manager as a bare id; its other habits (paths
 * such as "urn:...:enterprise:2.0:User:manager", path-less values with dotted names like
 * "name.givenName", filters such as addresses[type eq "work"].country) scim-patch handles.
 */
export function patchOperations(body: ScimResource): ScimPatchOperation[] {
  const ops = Object.entries(body).find(([k]) => k.toLowerCase() === 'operations')?.[1];
  if (!Array.isArray(ops) || ops.length === 0)
    throw new ScimError(400, 'invalidSyntax', `A PatchOp (${SCHEMAS.patch}) needs a non-empty Operations array.`);
  return ops.map((entry: { op?: unknown; path?: unknown; value?: unknown } | null) => {
    const o = entry ?? {};
    const op = typeof o.op === 'string' ? o.op.toLowerCase() : '';
    if (op !== 'add' && op !== 'replace' && op !== 'remove')
      throw new ScimError(
        400,
        'invalidSyntax',
        `"${String(o.op)}" is not a PATCH operation: use add, replace or remove.`,
      );
    if (o.path !== undefined && typeof o.path !== 'string')
      throw new ScimError(400, 'invalidPath', 'A path is a string.');
    if (op === 'remove' && !o.path) throw new ScimError(400, 'noTarget', 'A remove operation needs a path.');
    // Entra ID sets the manager as a bare id where the schema has {"value": id}
    const value =
      typeof o.path === 'string' && /:manager$/i.test(o.path) && typeof o.value === 'string'
        ? { value: o.value }
        : o.value;
    return { op, ...(o.path ? { path: o.path } : {}), ...(value !== undefined ? { value } : {}) } as ScimPatchOperation;
  });
}

/** Applies the operations to a resource; scim-patch's refusals become SCIM errors. */
export function applyPatch<T extends ScimResource>(resource: T, operations: ScimPatchOperation[]): T {
  try {
    return scimPatch(resource as never, operations);
  } catch (err) {
    const kind = (err as { scimCode?: string }).scimCode;
    throw new ScimError(400, kind ?? 'invalidValue', (err as Error).message);
  }
}

/** PATCH /Users/{id} (`resource`: the PatchOp message): the operations apply to the user as we show it, in order, all or none. */
export async function patchUser(
  deps: Deps,
  { caller, id, resource }: { caller: ScimCaller; id: string; resource: ScimResource },
) {
  const operations = patchOperations(resource);
  return changeUser(deps, caller, id, (shown) => scimUserFields(applyPatch(shown, operations)));
}
