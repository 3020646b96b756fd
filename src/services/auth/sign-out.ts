import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { revokeSession } from '../../db/sessions.js';
import { recordAuditBy } from '../audit.js';

export async function signOut(deps: Deps, actor: Actor, sessionId: string): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await revokeSession(tx, actor.orgId, sessionId, now);
    await recordAuditBy(tx, now, actor, {
      action: 'session.revoked',
      objectType: 'session',
      objectId: sessionId,
    });
  });
}
