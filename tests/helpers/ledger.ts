import type { Queryable } from '../../src/db/database.js';
import type { Term } from '../../src/domain/subscription.js';
import { prorate, totalsOf } from '../../src/domain/pricing.js';

/**
 * The books of subscriptions, checked as an auditor would, from our tables and the gateway's own
 * records: what the rules of money say must hold at every quiet moment.
 */
export interface Violation {
  subscriptionId: string;
  rule: 'books' | 'documents' | 'gateway' | 'in_flight' | 'licenses' | 'amounts' | 'seats';
  detail: string;
}

interface Sub {
  id: string;
  status: string;
  quantity: number;
  assigned: number;
  rows: number;
  unitPrice: number;
  term: Term;
  termStart: Date;
  termEnd: Date;
  statusChangedAt: Date;
  startedAsTrial: boolean;
  createdAt: Date;
  pendingOperation: string | null;
}

interface Move {
  subscriptionId: string;
  operation: string;
  kind: 'charge' | 'refund';
  idempotencyKey: string;
  status: string;
  amount: number;
  licenses: number | null;
  termStart: Date | null;
  termEnd: Date | null;
  periodStart: Date | null;
  documentTotal: number | null;
  documentKind: string | null;
  taxRateBp: number | null;
  gatewayStatus: string | null;
  gatewayAmount: number | null;
}

const net = (moves: Move[]) =>
  moves.reduce((n, m) => n + (m.status === 'succeeded' ? (m.kind === 'charge' ? m.amount : -m.amount) : 0), 0);

/** Licenses the subscription holds for its current term's money: none once stopped before the term's end, or in a trial's own term. */
const held = (s: Sub) =>
  ((s.status === 'disabled' || s.status === 'deleted') && s.statusChangedAt < s.termEnd) ||
  s.status === 'trial' ||
  (s.startedAsTrial && s.termStart.getTime() === s.createdAt.getTime())
    ? 0
    : s.quantity;

export async function checkLedger(db: Queryable, subscriptionIds: string[]): Promise<Violation[]> {
  const subs = await db.query<Sub>(
    `SELECT s.id, s.status, s.quantity, s.assigned, (SELECT count(*)::int FROM license_assignments a WHERE a.org_id = s.org_id AND a.subscription_id = s.id) AS rows,
            s.unit_price AS "unitPrice", s.term, s.term_start AS "termStart", s.term_end AS "termEnd", s.status_changed_at AS "statusChangedAt",
            s.started_as_trial AS "startedAsTrial", s.created_at AS "createdAt", s.pending_operation AS "pendingOperation"
       FROM subscriptions s WHERE s.id = ANY($1::uuid[])`,
    [subscriptionIds],
  );
  const moves = await db.query<Move>(
    `SELECT c.subscription_id AS "subscriptionId", c.operation, c.kind, c.idempotency_key AS "idempotencyKey", c.status, c.amount, c.licenses,
            c.term_start AS "termStart", c.term_end AS "termEnd", c.period_start AS "periodStart",
            i.total AS "documentTotal", i.kind AS "documentKind", i.tax_rate_bp AS "taxRateBp", g.status AS "gatewayStatus", g.amount AS "gatewayAmount"
       FROM charges c
       LEFT JOIN invoices i ON i.org_id = c.org_id AND i.id = c.invoice_id
       LEFT JOIN gateway.charges g ON g.idempotency_key = c.idempotency_key
      WHERE c.subscription_id = ANY($1::uuid[]) ORDER BY c.created_at, c.id`,
    [subscriptionIds],
  );
  const documents = await db.query<{ subscriptionId: string; net: number }>(
    `SELECT subscription_id AS "subscriptionId", sum(CASE WHEN kind = 'invoice' THEN total ELSE -total END)::bigint AS net
       FROM invoices WHERE subscription_id = ANY($1::uuid[]) AND status IN ('paid', 'refunded') GROUP BY 1`,
    [subscriptionIds],
  );
  const out: Violation[] = [];
  for (const s of subs) {
    const v = (rule: Violation['rule'], detail: string) => out.push({ subscriptionId: s.id, rule, detail });
    const mine = moves.filter((m) => m.subscriptionId === s.id);
    if (s.assigned > s.quantity || s.assigned !== s.rows)
      v('seats', `assigned ${s.assigned}, rows ${s.rows}, total ${s.quantity}`);
    if (s.pendingOperation || mine.some((m) => m.status === 'pending'))
      v('in_flight', `operation ${s.pendingOperation} still pending`);
    const documented = documents.find((d) => d.subscriptionId === s.id)?.net ?? 0;
    if (net(mine) !== documented) v('books', `charged net ${net(mine)}, invoiced net ${documented}`);
    for (const m of mine) {
      const expectedKind = m.kind === 'charge' ? 'invoice' : 'credit_note';
      if (m.status === 'succeeded' && (m.documentTotal !== m.amount || m.documentKind !== expectedKind)) {
        v('documents', `${m.idempotencyKey}: ${m.amount} with document ${m.documentKind} ${m.documentTotal}`);
      }
      const gatewayAgrees =
        m.status === 'succeeded'
          ? m.gatewayStatus === 'succeeded' && Number(m.gatewayAmount) === m.amount
          : m.gatewayStatus !== 'succeeded';
      if (!gatewayAgrees)
        v(
          'gateway',
          `${m.idempotencyKey}: ours ${m.status} ${m.amount}, gateway ${m.gatewayStatus} ${m.gatewayAmount}`,
        );
    }
    const operations = [...new Set(mine.map((m) => m.operation))].map((op) => mine.filter((m) => m.operation === op));
    let paid = 0;
    for (const parts of operations) {
      const first = parts[0]!;
      const done = parts.filter((p) => p.status === 'succeeded');
      if (done.length && done.length < parts.length)
        v('amounts', `${first.operation}: ${done.length} of ${parts.length} parts moved money`);
      if (!done.length || first.licenses === null) continue;
      if (first.termEnd!.getTime() === s.termEnd.getTime()) paid += first.licenses;
      const subtotal = prorate(
        { unitPrice: s.unitPrice, term: s.term, termStart: first.termStart!, termEnd: first.termEnd! },
        Math.abs(first.licenses),
        first.periodStart!,
      );
      const expected = totalsOf(subtotal, first.taxRateBp ?? 0).total;
      const moved = done.reduce((n, p) => n + p.amount, 0);
      if (moved !== expected)
        v('amounts', `${first.operation}: moved ${moved}, the rules say ${expected} for ${first.licenses} licenses`);
    }
    if (paid !== held(s))
      v('licenses', `paid for ${paid} licenses of the term, holds ${held(s)} (${s.status}, total ${s.quantity})`);
  }
  return out;
}

/** Money the gateway moved under keys we have no record of (charged, never booked). */
export async function unbookedGatewayMoves(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM gateway.charges g WHERE g.kind <> 'verification' AND g.status = 'succeeded'
        AND NOT EXISTS (SELECT 1 FROM charges c WHERE c.idempotency_key = g.idempotency_key)`,
  );
  return row!.n;
}
