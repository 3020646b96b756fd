import type { Queryable } from './database.js';
import type { Locale } from '../domain/locale.js';

export type NotificationKind =
  'take_control' | 'renewal_failed' | 'card_expiring' | 'license_freed' | 'price_changed' | 'webhook_disabled';

export interface Notification {
  id: string;
  kind: NotificationKind;
  payload: Record<string, unknown>;
  createdAt: Date;
  readAt: Date | null;
}

const COLUMNS = `id, kind, payload, created_at AS "createdAt", read_at AS "readAt"`;

/** Inserts a notification; one with a dedupe key already given is not given again (undefined). */
export async function insertNotification(
  db: Queryable,
  n: { orgId: string; personId: string; kind: NotificationKind; payload: Record<string, unknown>; dedupeKey?: string },
  now: Date,
): Promise<string | undefined> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO notifications (org_id, person_id, kind, payload, created_at, dedupe_key) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (org_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING RETURNING id`,
    [n.orgId, n.personId, n.kind, JSON.stringify(n.payload), now, n.dedupeKey ?? null],
  );
  return row?.id;
}

export function listNotifications(db: Queryable, orgId: string, personId: string, limit = 50): Promise<Notification[]> {
  return db.query<Notification>(
    `SELECT ${COLUMNS} FROM notifications WHERE org_id = $1 AND person_id = $2 ORDER BY created_at DESC, id LIMIT $3`,
    [orgId, personId, limit],
  );
}

export async function countUnread(db: Queryable, orgId: string, personId: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM notifications WHERE org_id = $1 AND person_id = $2 AND read_at IS NULL',
    [orgId, personId],
  );
  return row!.n;
}

/** Marks the person's notifications read: one, or all when id is null. */
export async function markRead(
  db: Queryable,
  orgId: string,
  personId: string,
  id: string | null,
  now: Date,
): Promise<number> {
  const rows = await db.query(
    `UPDATE notifications SET read_at = $4 WHERE org_id = $1 AND person_id = $2 AND ($3::uuid IS NULL OR id = $3) AND read_at IS NULL RETURNING id`,
    [orgId, personId, id, now],
  );
  return rows.length;
}

/**
 * Notifications whose e-mail has not gone out yet, locked so that two senders never send one
 * twice, with the recipient's language (null: not chosen) and organization's country.
 */
export function lockOutbox(db: Queryable, limit: number) {
  return db.query<
    Notification & { orgId: string; email: string; displayName: string; language: Locale | null; orgCountry: string }
  >(
    `SELECT n.org_id AS "orgId", n.id, n.kind, n.payload, n.created_at AS "createdAt", n.read_at AS "readAt", p.email, p.display_name AS "displayName",
            p.language, o.country AS "orgCountry"
       FROM notifications n JOIN people p ON p.org_id = n.org_id AND p.id = n.person_id JOIN organizations o ON o.id = n.org_id
      WHERE n.emailed_at IS NULL ORDER BY n.created_at LIMIT $1 FOR UPDATE OF n SKIP LOCKED`,
    [limit],
  );
}

export async function markEmailed(db: Queryable, orgId: string, id: string, now: Date): Promise<void> {
  await db.query('UPDATE notifications SET emailed_at = $3 WHERE org_id = $1 AND id = $2', [orgId, id, now]);
}

/**
 * Cards in use by a billing profile whose expiry month ends within `days` days: read by their
 * method, as no other way to pay has an expiry.
 */
export function findCardsExpiring(db: Queryable, now: Date, days: number) {
  return db.query<{
    orgId: string;
    ownerId: string;
    id: string;
    brand: string;
    last4: string;
    expMonth: number;
    expYear: number;
  }>(
    `SELECT pm.org_id AS "orgId", pm.owner_id AS "ownerId", pm.id, pm.brand, pm.last4, pm.exp_month AS "expMonth", pm.exp_year AS "expYear"
       FROM payment_methods pm
      WHERE pm.deleted_at IS NULL AND pm.method = 'card'
        AND make_timestamptz(pm.exp_year, pm.exp_month, 1, 0, 0, 0, 'UTC') + interval '1 month' > $1
        AND make_timestamptz(pm.exp_year, pm.exp_month, 1, 0, 0, 0, 'UTC') + interval '1 month' <= $1::timestamptz + make_interval(days => $2)
        AND EXISTS (SELECT 1 FROM billing_profiles bp WHERE bp.org_id = pm.org_id AND bp.payment_method_id = pm.id)`,
    [now, days],
  );
}
