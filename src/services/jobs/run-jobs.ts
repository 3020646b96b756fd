import type { Deps } from '../deps.js';
import { purgeExpiredIdempotencyKeys } from '../../db/idempotency-keys.js';
import { advanceLifecycles } from './lifecycle.js';
import { applyDuePriceChanges } from '../../db/price-changes.js';
import { reconcileCharges } from '../payments/reconcile-charges.js';
import { notifyExpiringCards, sendNotificationEmails } from '../notifications/deliver.js';
import { sendInvoiceEmails } from '../invoices/email-invoices.js';

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
  invoicesEmailed: number;
}

/**
 * One run of the background jobs. Another server holding the lock means this one skips; the
 * work itself is idempotent, so a crash half-way is finished by the next run. A `signal` that
 * aborts stops the run after the step under way (the server is shutting down).
 */
export async function runJobsOnce(
  deps: Deps,
  opts: { reconcileAll?: boolean; signal?: AbortSignal } = {},
): Promise<JobsReport> {
  return deps.db.withConnection(async (conn) => {
    const report: JobsReport = { ran: false, reconciled: 0, moved: 0, purgedKeys: 0, emailed: 0, invoicesEmailed: 0 };
    const [lock] = await conn.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [JOBS_LOCK]);
    if (!lock?.ok) return report;
    report.ran = true;
    const stopped = () => opts.signal?.aborted === true;
    try {
      report.reconciled = await reconcileCharges(deps, { all: opts.reconcileAll ?? false });
      for (let pass = 0, n = 1; pass < MAX_PASSES && n > 0 && !stopped(); pass++) {
        // a term that ended renews at the price its buyer was told of
        await applyDuePriceChanges(deps.db, deps.clock.now());
        report.moved += n = await advanceLifecycles(deps);
      }
      if (!stopped()) report.purgedKeys = await purgeExpiredIdempotencyKeys(deps.db, deps.clock.now());
      if (!stopped()) await notifyExpiringCards(deps);
      if (!stopped()) report.emailed = await sendNotificationEmails(deps);
      if (!stopped()) report.invoicesEmailed = await sendInvoiceEmails(deps);
      return report;
    } finally {
      await conn.query('SELECT pg_advisory_unlock($1)', [JOBS_LOCK]);
    }
  });
}

export interface JobRunner {
  /** when this server last ran the jobs to the end (another server holding the lock does not count) */
  lastRunAt(): Date | undefined;
  /** No run starts any more; the one under way stops after its step, and is awaited. */
  stop(): Promise<void>;
}

/** Runs the jobs now, then every `intervalSeconds`; a run is never overlapped by the next. */
export function startJobRunner(
  deps: Deps,
  opts: { intervalSeconds: number; onError: (err: unknown) => void },
): JobRunner {
  const stopping = new AbortController();
  let running: Promise<void> | undefined;
  let lastRunAt: Date | undefined;
  const tick = () => {
    // (on PGlite's one connection an overlapping run would re-enter the lock)
    running ??= runJobsOnce(deps, { signal: stopping.signal })
      .then((report) => {
        if (report.ran && !stopping.signal.aborted) lastRunAt = deps.clock.now();
      })
      .catch(opts.onError)
      .finally(() => (running = undefined));
  };
  tick();
  const timer = setInterval(tick, opts.intervalSeconds * 1000).unref();
  return {
    lastRunAt: () => lastRunAt,
    async stop() {
      clearInterval(timer);
      stopping.abort();
      await running;
    },
  };
}
