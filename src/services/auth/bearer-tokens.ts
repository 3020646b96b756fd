import type { Deps } from '../deps.js';
import type { Queryable } from '../../db/database.js';
import type { Actor } from '../../domain/roles.js';
import { notFound } from '../../domain/errors.js';
import { recordAuditBy } from '../audit.js';
import { hashSecret, newSecret } from './tokens.js';

/** The kinds of bearer token a person creates: a personal API token, or a provisioning client's. */
type TokenType = 'api_token' | 'scim_token';

/** A named bearer token: the secret is in this answer only, its hash is what `insert` stores. */
export async function createBearerToken<T extends { id: string }>(
  deps: Deps,
  actor: Actor,
  token: {
    type: TokenType;
    prefix: string;
    name: string;
    insert: (tx: Queryable, tokenHash: Buffer, now: Date) => Promise<T>;
  },
) {
  const secret = newSecret(token.prefix);
  const now = deps.clock.now();
  const row = await deps.db.transaction(async (tx) => {
    const inserted = await token.insert(tx, hashSecret(secret), now);
    await recordAuditBy(tx, now, actor, {
      action: `${token.type}.created`,
      objectType: token.type,
      objectId: inserted.id,
      details: { name: token.name },
    });
    return inserted;
  });
  return { ...row, token: secret };
}

/**
 * Revokes one of the organization's credentials (a bearer token, an app) at once, audited as
 * `<type>.revoked`; `revoke` answers false when there is no such one, `what` names it in the 404.
 */
export async function revokeCredential(
  deps: Deps,
  actor: Actor,
  id: string,
  credential: {
    type: TokenType | 'app';
    what: string;
    revoke: (tx: Queryable, orgId: string, id: string, now: Date) => Promise<boolean>;
  },
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    if (!(await credential.revoke(tx, actor.orgId, id, now))) throw notFound(credential.what);
    await recordAuditBy(tx, now, actor, {
      action: `${credential.type}.revoked`,
      objectType: credential.type,
      objectId: id,
    });
  });
}
