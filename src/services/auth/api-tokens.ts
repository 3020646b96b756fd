import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { notFound } from '../../domain/errors.js';
import { insertApiToken, listApiTokens, revokeApiToken as revokeRow } from '../../db/api-tokens.js';
import { recordAuditBy } from '../audit.js';
import { hashSecret, newSecret } from './tokens.js';

/** Creates a personal API token; the secret is shown once and only its hash is kept. */
export async function createApiToken(deps: Deps, actor: Actor, input: { name: string }) {
  const secret = newSecret('ssp_');
  const now = deps.clock.now();
  const token = await deps.db.transaction(async (tx) => {
    const row = await insertApiToken(tx, {
      orgId: actor.orgId,
      personId: actor.personId,
      name: input.name,
      tokenHash: hashSecret(secret),
      now,
    });
    await recordAuditBy(tx, now, actor, {
      action: 'api_token.created',
      objectType: 'api_token',
      objectId: row.id,
      details: { name: input.name },
    });
    return row;
  });
  return { ...token, token: secret };
}

export const listMyApiTokens = (deps: Deps, actor: Actor) => listApiTokens(deps.db, actor.orgId, actor.personId);

export async function revokeApiToken(deps: Deps, actor: Actor, id: string): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    if (!(await revokeRow(tx, actor.orgId, actor.personId, id, now))) throw notFound('The API token');
    await recordAuditBy(tx, now, actor, {
      action: 'api_token.revoked',
      objectType: 'api_token',
      objectId: id,
    });
  });
}
