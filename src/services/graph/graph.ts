import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { canReadAdminViews } from '../../domain/roles.js';
import { findPerson, findPersonByEmail, searchPeople, type Person } from '../../db/people.js';
import { licensesOfPerson, subscribedSkus } from '../../db/license-assignments.js';
import { listSubscriptionViews } from '../../db/subscriptions.js';
import type { Queryable } from '../../db/database.js';
import { AppError } from '../../domain/errors.js';
import { decodeCursor, encodeCursor, isUuid } from '../../domain/cursor.js';
import { parseUserFilter } from '../../domain/graph-query.js';
import { assignLicenses, unassignLicenses } from '../licenses/assign.js';

/** A person as Microsoft Graph shows a user. */
export const graphUser = (p: Person) => ({
  id: p.id,
  displayName: p.displayName,
  mail: p.email,
  userPrincipalName: p.email,
  usageLocation: p.usageLocation,
  accountEnabled: p.status === 'active',
});
export const USER_PROPERTIES = ['id', 'displayName', 'mail', 'userPrincipalName', 'usageLocation', 'accountEnabled'] as const;

const resourceNotFound = (id: string) => new AppError(404, 'not_found',
  `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`, { graphCode: 'Request_ResourceNotFound' });

/** /users/{id | userPrincipalName}: only people of the caller's organization. */
export async function findUser(deps: Deps, actor: Actor, idOrUpn: string): Promise<Person> {
  const person = isUuid(idOrUpn) ? await findPerson(deps.db, actor.orgId, idOrUpn) : await findPersonByEmail(deps.db, actor.orgId, idOrUpn);
  if (!person) throw resourceNotFound(idOrUpn);
  return person;
}

export async function listUsers(deps: Deps, actor: Actor, q: { filter?: string; top: number; skiptoken?: string }) {
  const filter = parseUserFilter(q.filter);
  if (filter?.op === 'eq') {
    const person = filter.field === 'id'
      ? isUuid(filter.value) ? await findPerson(deps.db, actor.orgId, filter.value) : undefined
      : await findPersonByEmail(deps.db, actor.orgId, filter.value);
    return { users: person ? [person] : [], next: null };
  }
  const after = decodeCursor<{ searchName: string; id: string }>(q.skiptoken, (k) => typeof k.searchName === 'string' && isUuid(k.id));
  const rows = await searchPeople(deps.db, actor.orgId, { search: filter?.value, field: filter?.field, limit: q.top + 1, after });
  const page = rows.slice(0, q.top);
  const last = page.at(-1);
  return { users: page, next: rows.length > q.top && last ? encodeCursor({ searchName: last.searchName, id: last.id }) : null };
}

/** Per product the caller sees (their purchases; an admin's: the organization's), Graph's subscribedSku. */
export async function listSubscribedSkus(deps: Deps, actor: Actor) {
  const rows = await subscribedSkus(deps.db, actor.orgId, canReadAdminViews(actor.role) ? null : actor.personId);
  return rows.map((r) => ({
    id: `${actor.orgId}_${r.skuId}`,
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

export async function licenseDetails(deps: Deps, actor: Actor, idOrUpn: string) {
  const person = await findUser(deps, actor, idOrUpn);
  const rows = await licensesOfPerson(deps.db, actor.orgId, person.id);
  return rows.map((l) => ({
    id: `${person.id}_${l.skuId}`,
    skuId: l.skuId,
    skuPartNumber: l.skuPartNumber,
    servicePlans: l.servicePlans.map((sp) => ({ ...sp, provisioningStatus: l.status === 'disabled' ? 'Disabled' : 'Success' })),
  }));
}

/**
 * Graph's assignLicense: each added SKU comes from one of the caller's subscriptions of that
 * product with a license free (a SKU the user holds already is left as is, as Graph does);
 * each removed SKU goes back to the subscription it came from.
 */
export async function assignLicense(deps: Deps, actor: Actor, idOrUpn: string, body: { addLicenses: { skuId: string }[]; removeLicenses: string[] }) {
  const person = await findUser(deps, actor, idOrUpn);
  const noLicense = (skuId: string) => new AppError(400, 'insufficient_licenses', `Subscription with SKU ${skuId} does not have any available licenses.`, { graphCode: 'Request_BadRequest' });
  const sameSku = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  await deps.db.transaction(async (tx) => {
    const mine = (await listSubscriptionViews(tx, actor.orgId, actor.personId, {})).filter((s) => s.buyerId === actor.personId);
    for (const skuId of body.removeLicenses) {
      for (const s of mine.filter((m) => sameSku(m.product.skuId, skuId))) await unassignLicenses(deps, actor, s.id, [person.id], tx);
    }
    const held = await licensesOfPerson(tx, actor.orgId, person.id);
    for (const { skuId } of body.addLicenses) {
      if (held.some((l) => sameSku(l.skuId, skuId) && mine.some((m) => m.id === l.subscriptionId))) continue;
      // the fullest-looking last; counts read before the seat lock may be stale, so a full one passes to the next
      const candidates = mine
        .filter((m) => sameSku(m.product.skuId, skuId) && (m.status === 'active' || m.status === 'trial'))
        .sort((a, b) => (b.quantity - b.assigned) - (a.quantity - a.assigned));
      if (!(await assignFromFirstFree(deps, actor, candidates.map((c) => c.id), person.id, tx))) throw noLicense(skuId);
    }
  });
  return person;
}

/** Assigns from the first subscription with a license free; false when none had one. */
async function assignFromFirstFree(deps: Deps, actor: Actor, subscriptionIds: string[], personId: string, tx: Queryable): Promise<boolean> {
  for (const id of subscriptionIds) {
    try {
      await assignLicenses(deps, actor, id, [personId], tx);
      return true;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      if (err.code === 'insufficient_licenses') continue;
      if (err.code === 'usage_location_required') {
        throw new AppError(400, err.code, 'License assignment cannot be done for user with invalid usage location.', { graphCode: 'Request_BadRequest' });
      }
      throw err;
    }
  }
  return false;
}
