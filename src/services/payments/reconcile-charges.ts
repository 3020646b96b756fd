import type { Deps } from '../deps.js';
import { findStalePendingCharges } from '../../db/charges.js';
import { finish } from './operation.js';
import { methodOf } from './methods/index.js';

/** A charge pending longer than this was left by a crash (a live request finishes in seconds). */
export const STALE_AFTER_MS = 5 * 60_000;

/**
 * Finishes charges left pending by a crash with what their method's provider knows: paid ones complete
 * their purchase or change, the others fail. A charge the gateway never received fails too;
 * its key was never used, so nobody was charged.
 */
export async function reconcileCharges(deps: Deps, opts: { all?: boolean } = {}): Promise<number> {
  const before = new Date(deps.clock.now().getTime() - (opts.all ? 0 : STALE_AFTER_MS));
  let done = 0;
  for (const charge of await findStalePendingCharges(deps.db, before)) {
    const known = await methodOf(charge.method).lookup(deps, charge.idempotencyKey);
    await finish(deps, charge, known ?? { status: 'failed', chargeId: '', failureCode: 'not_received' });
    done++;
  }
  return done;
}
