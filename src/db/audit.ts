import type { Queryable } from './database.js';

export interface AuditEvent {
  orgId: string;
  actorId: string | null;
  action: string;
  objectType: string;
  objectId: string;
  details?: Record<string, unknown>;
}

/** Recorded in the same transaction as the change it describes. */
export async function recordAudit(db: Queryable, at: Date, e: AuditEvent): Promise<void> {
  await db.query(
    `INSERT INTO audit_events (org_id, at, actor_id, action, object_type, object_id, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [e.orgId, at, e.actorId, e.action, e.objectType, e.objectId, JSON.stringify(e.details ?? {})],
  );
}
