import { randomBytes } from 'node:crypto';
import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { notFound } from '../../domain/errors.js';
import { findOrganization } from '../../db/organizations.js';
import { findEndpoint } from '../../db/webhooks.js';
import type { Queryable } from '../../db/database.js';
import { recordAudit } from '../../db/audit.js';
import { requireUserAdmin } from '../people/access.js';

/** Whose endpoints a request manages: an admin's organization, or any organization for the operator (actorId null). */
export interface WebhookOwner {
  orgId: string;
  actorId: string | null;
}

/** Webhooks carry people's data to other systems: the admin's, like people and sign-in. */
export function adminOwner(actor: Actor): WebhookOwner {
  requireUserAdmin(actor);
  return { orgId: actor.orgId, actorId: actor.personId };
}

/** The operator (already authenticated by its token) acts for an organization that exists. */
export async function operatorOwner(deps: Deps, orgId: string): Promise<WebhookOwner> {
  if (!(await findOrganization(deps.db, orgId))) throw notFound('The organization');
  return { orgId, actorId: null };
}

/** The owner's endpoint, or 404 (another organization's is not found either). */
export async function endpointOf(db: Queryable, owner: WebhookOwner, id: string) {
  const endpoint = await findEndpoint(db, owner.orgId, id);
  if (!endpoint) throw notFound('The webhook endpoint');
  return endpoint;
}

/** A Standard Webhooks secret: whsec_ and 32 random bytes in base64. */
export const newSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

export const auditWebhook = (
  tx: Queryable,
  now: Date,
  owner: WebhookOwner,
  action: string,
  id: string,
  details: Record<string, unknown> = {},
) =>
  recordAudit(tx, now, {
    orgId: owner.orgId,
    actorId: owner.actorId,
    action: `webhook.${action}`,
    objectType: 'webhook_endpoint',
    objectId: id,
    details: owner.actorId ? details : { ...details, by: 'operator' },
  });
