import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { insertScimToken } from '../../db/scim-tokens.js';
import { recordAuditBy } from '../audit.js';
import { requireUserAdmin } from '../people/access.js';
import { hashSecret, newSecret } from '../auth/tokens.js';

/** A secret for a provisioning client (Entra ID, Okta) at /scim/v2: shown once, only its hash kept. */
export async function createProvisioningToken(deps: Deps, actor: Actor, input: { name: string }) {
  requireUserAdmin(actor);
  const secret = newSecret('scim_');
  const now = deps.clock.now();
  const token = await deps.db.transaction(async (tx) => {
    const row = await insertScimToken(tx, {
      orgId: actor.orgId,
      name: input.name,
      tokenHash: hashSecret(secret),
      createdBy: actor.personId,
      now,
    });
    await recordAuditBy(tx, now, actor, {
      action: 'scim_token.created',
      objectType: 'scim_token',
      objectId: row.id,
      details: { name: input.name },
    });
    return row;
  });
  return { ...token, token: secret };
}
