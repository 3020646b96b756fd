import type { Deps } from '../deps.js';
import { purgeExpiredIdempotencyKeys } from '../../db/idempotency-keys.js';
import { advanceLifecycles } from './lifecycle.js';
import { reconcileCharges } from '../payments/reconcile-charges.js';
import { notifyExpiringCards, sendNotificationEmails } from '../notifications/deliver.js';

/** Our key for pg_try_advisory_lock: one job runner at a time across every server. */
const JOBS_LOCK = 4_242_001;
/** Enough passes for a monthly subscription to walk a year and its whole lifecycle at once. */
const MAX_PASSES = 40;

export interface JobsReport {
  ran: boolean;
  reconciled: number;
  moved: number;
  purgedKeys: number;
  emailed: number;
}

/**
 * One run of the background jobs. Another server holding the lock means this one skips; the
 * work itself is idempotent, so a crash half-way is finished by the next run.
 */
export async function runJobsOnce(deps: Deps, opts: { reconcileAll?: boolean } = {}): Promise<JobsReport> {
  return deps.db.withConnection(async (conn) => {
    const [lock] = await conn.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [JOBS_LOCK]);
    if (!lock?.ok) return { ran: false, reconciled: 0, moved: 0, purgedKeys: 0, emailed: 0 };
    try {
      const reconciled = await reconcileCharges(deps, { all: opts.reconcileAll });
      let moved = 0;
      for (let pass = 0, n = 1; pass < MAX_PASSES && n > 0; pass++) moved += n = await advanceLifecycles(deps);
      const purgedKeys = await purgeExpiredIdempotencyKeys(deps.db, deps.clock.now());
      await notifyExpiringCards(deps);
      const emailed = await sendNotificationEmails(deps);
      return { ran: true, reconciled, moved, purgedKeys, emailed };
    } finally {
      await conn.query('SELECT pg_advisory_unlock($1)', [JOBS_LOCK]);
    }
  });
}
