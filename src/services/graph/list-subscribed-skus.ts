import type { Deps } from '../deps.js';
import { subscribedSkus } from '../../db/license-assignments.js';
import { findOrganization } from '../../db/organizations.js';
import { requireAppRole, type GraphCaller } from './caller.js';
import { resourceNotFound } from './users.js';

/**
 * Graph's subscribedSku, per product the caller holds licenses of: their own subscriptions (an
 * app's: its admin's), the very ones their assignLicense draws from, so that the units shown
 * here are the units they can assign. (Other people's self-service purchases are theirs to assign.)
 */
export async function listSubscribedSkus(deps: Deps, caller: GraphCaller) {
  const actor = requireAppRole(caller, 'Organization.Read.All', 'LicenseAssignment.ReadWrite.All');
  const [org, rows] = await Promise.all([
    findOrganization(deps.db, actor.orgId),
    subscribedSkus(deps.db, actor.orgId, actor.personId),
  ]);
  return rows.map((r) => ({
    id: `${actor.orgId}_${r.skuId}`,
    accountId: actor.orgId,
    accountName: org!.name,
    skuId: r.skuId,
    skuPartNumber: r.skuPartNumber,
    appliesTo: 'User',
    capabilityStatus: r.enabled > 0 ? 'Enabled' : r.warning > 0 ? 'Warning' : 'Suspended',
    consumedUnits: r.consumed,
    prepaidUnits: { enabled: r.enabled, warning: r.warning, suspended: r.suspended, lockedOut: 0 },
    servicePlans: r.servicePlans.map((sp) => ({ ...sp, provisioningStatus: 'Success' })),
    subscriptionIds: r.subscriptionIds,
  }));
}

/** GET /subscribedSkus/{id}, the id being "{organization id}_{skuId}". */
export async function getSubscribedSku(deps: Deps, caller: GraphCaller, id: string) {
  const sku = (await listSubscribedSkus(deps, caller)).find((s) => s.id.toLowerCase() === id.toLowerCase());
  if (!sku) throw resourceNotFound(id);
  return sku;
}
