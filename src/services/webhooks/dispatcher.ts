import type { Deps } from '../deps.js';
import { deliverDueWebhooks } from './deliver.js';

/** How often an idle server looks for due messages: the latency of a quiet moment. */
const POLL_MS = 200;

export interface WebhookDispatcher {
  /** No new attempt starts; those under way are awaited. */
  stop(): Promise<void>;
}

/**
 * Delivers webhooks from this server, beside every other instance doing the same (claims skip
 * each other's rows). While messages keep coming it goes on at once; idle, it polls.
 */
export function startWebhookDispatcher(deps: Deps, opts: { onError(err: unknown): void }): WebhookDispatcher {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
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
      if (!stopped) timer = setTimeout(tick, POLL_MS);
    });
  };
  tick();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
