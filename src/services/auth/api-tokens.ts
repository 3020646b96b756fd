import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { insertApiToken, listApiTokens, revokeApiToken as revokeRow } from '../../db/api-tokens.js';
import { createBearerToken, revokeCredential } from './bearer-tokens.js';

/** Creates a personal API token; the secret is shown once and only its hash is kept. */
export const createApiToken = (deps: Deps, actor: Actor, input: { name: string }) =>
  createBearerToken(deps, actor, {
    type: 'api_token',
    prefix: 'ssp_',
    name: input.name,
    insert: (tx, tokenHash, now) =>
      insertApiToken(tx, { orgId: actor.orgId, personId: actor.personId, name: input.name, tokenHash, now }),
  });

export const listMyApiTokens = (deps: Deps, actor: Actor) => listApiTokens(deps.db, actor.orgId, actor.personId);

export const revokeApiToken = (deps: Deps, actor: Actor, id: string) =>
  revokeCredential(deps, actor, id, {
    type: 'api_token',
    what: 'The API token',
    revoke: (tx, orgId, tokenId, now) => revokeRow(tx, orgId, actor.personId, tokenId, now),
  });
