import type { Queryable } from '../../db/database.js';
import { insertNotification, type NotificationKind } from '../../db/notifications.js';

/**
 * Tells a person something in the app, in the transaction of the change it is about, so a
 * notification exists exactly when the change does; its e-mail goes out from the outbox.
 */
export async function notify(
  tx: Queryable,
  now: Date,
  n: { orgId: string; personId: string; kind: NotificationKind; payload: Record<string, unknown>; dedupeKey?: string },
): Promise<void> {
  await insertNotification(tx, n, now);
}
