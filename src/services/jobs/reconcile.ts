import type { Deps } from '../deps.js';
import { findStalePendingCharges } from '../../db/charges.js';
import { finish } from '../payments/collect.js';
import { COMPLETIONS } from '../subscriptions/completions.js';

/** A charge pending longer than this was left by a crash (a live request finishes in seconds). */
export const STALE_AFTER_MS = 5 * 60_000;

/**
 * Finishes charges left pending by a crash with what the gateway knows: paid ones complete
 * their purchase or change, the others fail. A charge the gateway never received fails too;
 * its key was never used, so nobody was charged.
 */
export async function reconcileCharges(deps: Deps, opts: { all?: boolean } = {}): Promise<number> {
  const before = new Date(deps.clock.now().getTime() - (opts.all ? 0 : STALE_AFTER_MS));
  let done = 0;
  for (const charge of await findStalePendingCharges(deps.db, before)) {
    const known = await deps.gateway.findByIdempotencyKey(charge.idempotencyKey);
    const outcome = known ?? { status: 'failed' as const, chargeId: '', failureCode: 'not_received' };
    await finish(deps, charge, outcome, COMPLETIONS[charge.purpose]);
    done++;
  }
  return done;
}
