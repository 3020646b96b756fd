import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import type { AppRole } from '../../domain/graph-permissions.js';
import { insertApp } from '../../db/apps.js';
import { recordAuditBy } from '../audit.js';
import { requireUserAdmin } from '../people/access.js';
import { newAppSecret } from './app-secret.js';

/**
 * An admin registers an application that calls the Graph-compatible API with its own
 * credentials. It acts for that admin (their subscriptions, their organization), within the
 * roles granted. The secret is in this answer only.
 */
export async function registerApp(deps: Deps, actor: Actor, input: { name: string; roles: AppRole[] }) {
  requireUserAdmin(actor);
  const { secret, secretHash, secretHint } = newAppSecret();
  const now = deps.clock.now();
  const roles = [...new Set(input.roles)];
  const app = await deps.db.transaction(async (tx) => {
    const row = await insertApp(tx, {
      orgId: actor.orgId,
      name: input.name.trim(),
      roles,
      secretHash,
      secretHint,
      ownerId: actor.personId,
      now,
    });
    await recordAuditBy(tx, now, actor, {
      action: 'app.registered',
      objectType: 'app',
      objectId: row.id,
      details: { name: row.name, roles },
    });
    return row;
  });
  return { ...app, clientId: app.id, clientSecret: secret };
}
