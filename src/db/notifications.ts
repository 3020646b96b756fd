import type { Queryable } from './database.js';

export type NotificationKind = 'take_control' | 'renewal_failed' | 'card_expiring';

export interface Notification {
  id: string;
  kind: NotificationKind;
  payload: Record<string, unknown>;
  createdAt: Date;
  readAt: Date | null;
}

export async function insertNotification(
  db: Queryable,
  n: { orgId: string; personId: string; kind: NotificationKind; payload: Record<string, unknown> },
  now: Date,
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO notifications (org_id, person_id, kind, payload, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [n.orgId, n.personId, n.kind, JSON.stringify(n.payload), now],
  );
  return row!.id;
}
