import type { Deps } from '../deps.js';
import type { ClaimedMessage } from '../../db/webhooks.js';
import { attemptDelivery, claimDueWebhooks } from './deliver.js';

/** Each event's commit NOTIFYs this channel (webhook_enqueue): a server hears it and sends at once. */
export const WEBHOOKS_CHANNEL = 'selfserve_webhooks';
/** How often a server also looks without being woken: retries fall due, a notification was missed. */
const POLL_MS = 500;
/**
 * Attempts under way at once on this server, each on its own: an endpoint slow to answer (up to
 * the attempt's timeout) holds its slot, not the deliveries to every other endpoint behind it,
 * and holds at most PER_ENDPOINT of them (the claim's limit).
 */
const MAX_IN_FLIGHT = 20;

export interface WebhookDispatcher {
  /** No new attempt starts; those under way are awaited. */
  stop(): Promise<void>;
}

/**
 * Delivers webhooks from this server, beside every other instance doing the same (claims take
 * turns). Woken by each commit that writes an event, and by each attempt that ends (it frees a
 * slot, and its endpoint's next message may be due); idle, it polls.
 */
export function startWebhookDispatcher(deps: Deps, opts: { onError: (err: unknown) => void }): WebhookDispatcher {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let claiming: Promise<void> | undefined;
  let woken = false;
  const inFlight = new Set<Promise<void>>();
  const send = (m: ClaimedMessage) => {
    const attempt: Promise<void> = attemptDelivery(deps, m)
      .catch((err: unknown) => opts.onError(err))
      .finally(() => {
        inFlight.delete(attempt);
        wake();
      });
    inFlight.add(attempt);
  };
  const claim = async () => {
    while (!stopped && inFlight.size < MAX_IN_FLIGHT) {
      const free = MAX_IN_FLIGHT - inFlight.size;
      let claimed: ClaimedMessage[] = [];
      try {
        claimed = await claimDueWebhooks(deps, free);
      } catch (err) {
        opts.onError(err);
      }
      // (claimed while stopping, they are sent all the same: stop() awaits them)
      claimed.forEach(send);
      // every free slot taken: more may be due
      if (claimed.length < free) break;
    }
  };
  const tick = () => {
    claiming = claim().finally(() => {
      claiming = undefined;
      if (stopped) return;
      if (woken) {
        woken = false;
        tick();
      } else timer = setTimeout(tick, POLL_MS).unref();
    });
  };
  const wake = () => {
    if (stopped) return;
    if (claiming) woken = true;
    else {
      clearTimeout(timer);
      tick();
    }
  };
  deps.db.listen(WEBHOOKS_CHANNEL, wake, () => {}).catch((err: unknown) => opts.onError(err));
  tick();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await claiming;
      await Promise.all(inFlight);
    },
  };
}
