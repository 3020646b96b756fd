import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { notFound } from '../../domain/errors.js';
import { replaceAppSecret } from '../../db/apps.js';
import { recordAuditBy } from '../audit.js';
import { requireUserAdmin } from '../people/access.js';
import { newAppSecret } from './app-secret.js';

/**
 * A new client secret, shown once; the old one stops at once (tokens already issued run out
 * within the hour; revoke the app to stop them too).
 */
export async function rotateAppSecret(deps: Deps, actor: Actor, id: string) {
  requireUserAdmin(actor);
  const { secret, secretHash, secretHint } = newAppSecret();
  const now = deps.clock.now();
  const app = await deps.db.transaction(async (tx) => {
    const row = await replaceAppSecret(tx, actor.orgId, id, { secretHash, secretHint, now });
    if (!row) throw notFound('The app');
    await recordAuditBy(tx, now, actor, {
      action: 'app.secret_rotated',
      objectType: 'app',
      objectId: id,
    });
    return row;
  });
  return { ...app, clientId: app.id, clientSecret: secret };
}
