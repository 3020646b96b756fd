import type { Queryable } from './database.js';

/** When the oldest work waiting for each background job fell due; null where none waits. */
export interface JobsBacklog {
  /** a trial or active subscription whose term has ended (renewal or expiry) */
  renewal: Date | null;
  /** a charge still pending (a live payment settles in seconds; the jobs reconcile the rest) */
  pendingCharge: Date | null;
  /** a notification not yet e-mailed */
  email: Date | null;
}

export async function findJobsBacklog(db: Queryable, now: Date): Promise<JobsBacklog> {
  const [row] = await db.query<JobsBacklog>(
    `SELECT (SELECT min(term_end) FROM subscriptions WHERE status IN ('trial', 'active') AND term_end <= $1) AS renewal,
            (SELECT min(created_at) FROM charges WHERE status = 'pending') AS "pendingCharge",
            (SELECT min(created_at) FROM notifications WHERE emailed_at IS NULL) AS email`,
    [now],
  );
  return row!;
}
