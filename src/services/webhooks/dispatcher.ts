import type { Deps } from '../deps.js';
import { deliverDueWebhooks } from './deliver.js';

/** Each event's commit NOTIFYs this channel (webhook_enqueue): a server hears it and sends at once. */
export const WEBHOOKS_CHANNEL = 'selfserve_webhooks';
/** How often a server also looks without being woken: retries fall due, a notification was missed. */
const POLL_MS = 500;

export interface WebhookDispatcher {
  /** No new attempt starts; those under way are awaited. */
  stop(): Promise<void>;
}

/**
 * Delivers webhooks from this server, beside every other instance doing the same (claims skip
 * each other's rows). Woken by each commit that writes an event; while messages keep coming it
 * goes on at once; idle, it polls.
 */
export function startWebhookDispatcher(deps: Deps, opts: { onError(err: unknown): void }): WebhookDispatcher {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let woken = false;
  const loop = async () => {
    while (!stopped) {
      let sent = 0;
      try {
        sent = await deliverDueWebhooks(deps);
      } catch (err) {
        opts.onError(err);
      }
      if (sent === 0) break;
    }
  };
  const tick = () => {
    running = loop().finally(() => {
      running = undefined;
      if (stopped) return;
      if (woken) {
        woken = false;
        tick();
      } else timer = setTimeout(tick, POLL_MS).unref();
    });
  };
  const wake = () => {
    if (stopped) return;
    if (running) woken = true;
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
      await running;
    },
  };
}
