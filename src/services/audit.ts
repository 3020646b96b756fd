import type { Queryable } from '../db/database.js';
import { recordAudit, type AuditEvent } from '../db/audit.js';
import type { Actor } from '../domain/roles.js';

/** What a person did, recorded in the transaction that did it, as theirs and their organization's. */
export async function recordAuditBy(
  tx: Queryable,
  now: Date,
  actor: Pick<Actor, 'orgId' | 'personId'>,
  event: Omit<AuditEvent, 'orgId' | 'actorId'>,
): Promise<void> {
  await recordAudit(tx, now, { orgId: actor.orgId, actorId: actor.personId, ...event });
}
