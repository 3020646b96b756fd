import type { Deps } from '../deps.js';
import type { Queryable } from '../../db/database.js';
import { listSubscriptionViews } from '../../db/subscriptions.js';
import { subscribedSkus } from '../../db/license-assignments.js';
import { licensesWithPlans, setDisabledPlans } from '../../db/license-disabled-plans.js';
import { recordAuditBy } from '../audit.js';
import { AppError, type CodeOf } from '../../domain/errors.js';
import { canWrite, type Actor } from '../../domain/roles.js';
import { assignLicenses } from '../licenses/assign-licenses.js';
import { unassignLicenses } from '../licenses/unassign-licenses.js';
import { delegatedOnly, insufficientPrivileges, requireAppRole, type GraphCaller } from './caller.js';
import { findUser } from './users.js';

export interface AssignLicenseBody {
  addLicenses: { skuId: string; disabledPlans?: string[] }[];
  removeLicenses: string[];
}

// Graph answers these 400 Request_BadRequest, whatever our own code for the same refusal
const bad = (message: string, code: CodeOf<'invalid'> = 'invalid_license') =>
  new AppError(code, message, { graphCode: 'Request_BadRequest' });
const notCompanyLicense = (skuId: string) =>
  bad(`License ${skuId} does not correspond to a valid company License.`, 'unknown_sku');
const noneAvailable = (skuId: string) => bad(`Subscription with SKU ${skuId} does not have any available licenses.`);
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * Graph's assignLicense. The licenses come from the caller's own subscriptions, the same ones
 * /subscribedSkus shows them (an app's: those of the admin it acts for): a SKU none of them is
 * for is not a company license; each added SKU comes from one with a license free; a SKU the
 * person holds from them already keeps its license and takes the new disabledPlans; each removed
 * SKU goes back where it came from. A disabled person can be licensed, as in Graph.
 */
export async function assignLicense(
  deps: Deps,
  { caller, idOrUpn, input }: { caller: GraphCaller; idOrUpn: string; input: AssignLicenseBody },
) {
  const actor = requireAppRole(caller, 'LicenseAssignment.ReadWrite.All', 'User.ReadWrite.All');
  return assign(deps, actor, idOrUpn, input);
}

/** POST /me/assignLicense. */
export async function assignMyLicense(deps: Deps, caller: GraphCaller, body: AssignLicenseBody) {
  const actor = delegatedOnly(caller);
  return assign(deps, actor, actor.personId, body);
}

async function assign(deps: Deps, actor: Actor, idOrUpn: string, body: AssignLicenseBody) {
  if (!canWrite(actor.role)) throw insufficientPrivileges();
  const person = await findUser(deps, actor, idOrUpn);
  const both = body.addLicenses.find((a) => body.removeLicenses.some((r) => same(r, a.skuId)));
  if (both) throw bad(`License ${both.skuId} cannot be added and removed in the same request.`);
  await deps.db.transaction(async (tx) => {
    const ofSku = await callerSkus(tx, actor);
    for (const skuId of body.removeLicenses) {
      for (const s of ofSku(skuId).subs)
        await unassignLicenses(deps, { actor, subscriptionId: s.id, userIds: [person.id] }, tx);
    }
    const held = await licensesWithPlans(tx, actor.orgId, person.id);
    for (const added of body.addLicenses) await addLicense(deps, tx, actor, person.id, ofSku, held, added);
  });
  return findUser(deps, actor, person.id);
}

type OfSku = Awaited<ReturnType<typeof callerSkus>>;

/** The caller's subscriptions per SKU, exactly as /subscribedSkus counts them. */
async function callerSkus(tx: Queryable, actor: Actor) {
  const skus = await subscribedSkus(tx, actor.orgId, actor.personId);
  const mine = await listSubscriptionViews(tx, actor.orgId, actor.personId, {});
  return (skuId: string) => {
    const sku = skus.find((k) => same(k.skuId, skuId));
    if (!sku) throw notCompanyLicense(skuId);
    return {
      plans: sku.servicePlans.map((p) => p.servicePlanId.toLowerCase()),
      subs: mine.filter((m) => sku.subscriptionIds.includes(m.id)),
    };
  };
}

/** Adds one SKU's license, or, to a person who holds it already, sets its disabledPlans. */
async function addLicense(
  deps: Deps,
  tx: Queryable,
  actor: Actor,
  personId: string,
  ofSku: OfSku,
  held: Awaited<ReturnType<typeof licensesWithPlans>>,
  { skuId, disabledPlans = [] }: AssignLicenseBody['addLicenses'][number],
) {
  const { plans, subs } = ofSku(skuId);
  const unknownPlan = disabledPlans.find((p) => !plans.includes(p.toLowerCase()));
  if (unknownPlan) throw bad(`Service plan ${unknownPlan} is not part of license ${skuId}.`, 'invalid_service_plan');
  const holding = held.find((l) => same(l.skuId, skuId) && subs.some((s) => s.id === l.subscriptionId));
  // the fullest-looking last; counts read before the seat lock may be stale, so a full one passes to the next
  const subscriptionId =
    holding?.subscriptionId ??
    (await assignFromFirstFree(
      deps,
      actor,
      subs
        .filter((m) => m.status === 'active' || m.status === 'trial')
        .sort((a, b) => b.quantity - b.assigned - (a.quantity - a.assigned))
        .map((c) => c.id),
      personId,
      tx,
    ));
  if (!subscriptionId) throw noneAvailable(skuId);
  const planIds = [...new Set(disabledPlans.map((p) => p.toLowerCase()))];
  if (holding && sameSet(holding.disabledPlans, planIds)) return;
  await setDisabledPlans(tx, { orgId: actor.orgId, subscriptionId, personId, planIds });
  if (holding) {
    await recordAuditBy(tx, deps.clock.now(), actor, {
      action: 'license.plans_changed',
      objectType: 'subscription',
      objectId: subscriptionId,
      details: { user: personId, disabledPlans: planIds },
    });
  }
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x.toLowerCase()));

/** Assigns from the first subscription with a license free; undefined when none had one. */
async function assignFromFirstFree(
  deps: Deps,
  actor: Actor,
  subscriptionIds: string[],
  personId: string,
  tx: Queryable,
): Promise<string | undefined> {
  for (const id of subscriptionIds) {
    try {
      await assignLicenses(deps, { actor, subscriptionId: id, userIds: [personId], disabledPeople: true }, tx);
      return id;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      if (err.code === 'insufficient_licenses') continue;
      if (err.code === 'usage_location_required')
        throw bad('License assignment cannot be done for user with invalid usage location.');
      throw err;
    }
  }
  return undefined;
}
