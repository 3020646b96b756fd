import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { licensesWithPlans } from '../../db/license-disabled-plans.js';
import { delegatedOnly, requireAppRole, type GraphCaller } from './caller.js';
import { findUser } from './users.js';

/**
 * Graph's licenseDetails: each license a person holds, its service plans Success, or Disabled
 * when switched off in the assignment (disabledPlans) or when the subscription is disabled.
 */
export async function listLicenseDetails(deps: Deps, caller: GraphCaller, idOrUpn: string) {
  return details(
    deps,
    requireAppRole(caller, 'User.Read.All', 'User.ReadWrite.All', 'LicenseAssignment.ReadWrite.All'),
    idOrUpn,
  );
}

/** GET /me/licenseDetails. */
export async function listMyLicenseDetails(deps: Deps, caller: GraphCaller) {
  const actor = delegatedOnly(caller);
  return details(deps, actor, actor.personId);
}

async function details(deps: Deps, actor: Actor, idOrUpn: string) {
  const person = await findUser(deps, actor, idOrUpn);
  const rows = await licensesWithPlans(deps.db, actor.orgId, person.id);
  return rows.map((l) => ({
    id: `${person.id}_${l.skuId}`,
    skuId: l.skuId,
    skuPartNumber: l.skuPartNumber,
    servicePlans: l.servicePlans.map((sp) => ({
      ...sp,
      provisioningStatus:
        l.status === 'disabled' || l.disabledPlans.includes(sp.servicePlanId.toLowerCase()) ? 'Disabled' : 'Success',
    })),
  }));
}
