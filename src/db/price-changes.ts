import type { Queryable } from './database.js';
import type { PriceChange } from './products.js';

export interface ScheduledPriceChange {
  orgId: string;
  subscriptionId: string;
  buyerId: string;
  productName: string;
  currency: string;
  from: number;
  to: number;
  /** the next renewal, when the new price starts */
  appliesAt: Date;
}

/**
 * Schedules new list prices for the running subscriptions of those products, currencies and terms
 * (trial, active or expired: those that can still renew), to apply at their next renewal, with an
 * audit event in each organization. A subscription already at that price has nothing scheduled.
 */
export function schedulePriceChanges(
  db: Queryable,
  changes: PriceChange[],
  now: Date,
): Promise<ScheduledPriceChange[]> {
  return db.query<ScheduledPriceChange>(
    `WITH changed AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS x("productId" text, currency text, term text, amount bigint)
     ), affected AS (
       SELECT s.org_id, s.id, s.buyer_id, s.unit_price, s.currency, s.term_end, c.amount, p.name
         FROM changed c
         JOIN subscriptions s ON s.product_id = c."productId" AND s.currency = c.currency AND s.term = c.term
         JOIN products p ON p.id = s.product_id
        WHERE s.status IN ('trial', 'active', 'expired')
     ), unchanged AS (
       DELETE FROM subscription_price_changes pc USING affected a
        WHERE pc.org_id = a.org_id AND pc.subscription_id = a.id AND a.unit_price = a.amount
     ), scheduled AS (
       INSERT INTO subscription_price_changes (org_id, subscription_id, unit_price, announced_at)
       SELECT org_id, id, amount, $2 FROM affected WHERE unit_price <> amount
       ON CONFLICT (org_id, subscription_id) DO UPDATE SET unit_price = EXCLUDED.unit_price, announced_at = EXCLUDED.announced_at
       RETURNING org_id, subscription_id
     ), audited AS (
       INSERT INTO audit_events (org_id, at, actor_id, action, object_type, object_id, details)
       SELECT a.org_id, $2, NULL, 'subscription.price_change_scheduled', 'subscription', a.id::text,
              jsonb_build_object('from', a.unit_price, 'to', a.amount, 'currency', a.currency, 'appliesAt', a.term_end)
         FROM affected a JOIN scheduled USING (org_id) WHERE scheduled.subscription_id = a.id
     )
     SELECT a.org_id AS "orgId", a.id AS "subscriptionId", a.buyer_id AS "buyerId", a.name AS "productName", a.currency,
            a.unit_price AS "from", a.amount AS "to", a.term_end AS "appliesAt"
       FROM affected a WHERE a.unit_price <> a.amount`,
    [JSON.stringify(changes), now],
  );
}

/**
 * Moves the subscriptions whose term has ended to their scheduled price, before their renewal is
 * charged: run just before the lifecycle step. Mid-term changes still prorate at the old price.
 */
export async function applyDuePriceChanges(db: Queryable, now: Date): Promise<number> {
  const rows = await db.query(
    `WITH due AS (
       DELETE FROM subscription_price_changes pc USING subscriptions s
        WHERE pc.org_id = s.org_id AND pc.subscription_id = s.id AND s.term_end <= $1
       RETURNING pc.org_id, pc.subscription_id, pc.unit_price
     )
     UPDATE subscriptions s SET unit_price = due.unit_price
       FROM due WHERE s.org_id = due.org_id AND s.id = due.subscription_id
     RETURNING s.id`,
    [now],
  );
  return rows.length;
}

/** The price a subscription moves to at its next renewal, if one is scheduled. */
export async function findScheduledPrice(
  db: Queryable,
  orgId: string,
  subscriptionId: string,
): Promise<number | undefined> {
  const [row] = await db.query<{ unitPrice: number }>(
    'SELECT unit_price AS "unitPrice" FROM subscription_price_changes WHERE org_id = $1 AND subscription_id = $2',
    [orgId, subscriptionId],
  );
  return row?.unitPrice;
}
