import { Webhook } from 'standardwebhooks';
import type { Deps } from '../deps.js';
import { systemClock } from '../../domain/clock.js';
import { claimDueMessages, disableFailingEndpoint, recordAttempt, type ClaimedMessage } from '../../db/webhooks.js';
import { notify } from '../notifications/notify.js';
import { postMessage } from './send.js';

/**
 * Seconds to wait after each failed attempt: the first retry within 10 s, then backing off to
 * about three days in all (71.6 h over 11 attempts). After the last, the endpoint is turned off.
 */
export const RETRY_DELAYS = [5, 60, 300, 1_800, 7_200, 18_000, 36_000, 50_400, 72_000, 72_000];
/** An endpoint that has not answered by then has failed this attempt. */
export const TIMEOUT_MS = 10_000;
/** A claim outlives the attempt's timeout; past it, a process that died mid-attempt is retried. */
export const LEASE_MS = TIMEOUT_MS + 5_000;
const BATCH = 20;
/**
 * Attempts under way at once at one endpoint, across every server: one that fails slowly, with
 * many messages due, leaves the other slots to the other endpoints. (At 4, one busy endpoint that
 * answers well could not keep up with 50 events/s in the bench: each attempt's round takes about
 * 100 ms on its loaded machine, and the latency went from 159 to 1,122 ms at the median.)
 */
export const PER_ENDPOINT = 8;

/** The delay before the next attempt after this failed one, or undefined when retries ran out. */
export const retryDelayAfter = (attempt: number): number | undefined => RETRY_DELAYS[attempt - 1];

/** Claims up to `limit` messages due now, each for one attempt under a lease. */
export function claimDueWebhooks(deps: Deps, limit: number): Promise<ClaimedMessage[]> {
  const now = deps.clock.now();
  return claimDueMessages(deps.db, now, limit, new Date(now.getTime() + LEASE_MS), PER_ENDPOINT);
}

/** Sends every message due now, at most BATCH at a time, and waits for the answers; returns how many were attempted. */
export async function deliverDueWebhooks(deps: Deps): Promise<number> {
  const claimed = await claimDueWebhooks(deps, BATCH);
  await Promise.all(claimed.map((m) => attemptDelivery(deps, m)));
  return claimed.length;
}

/** One attempt of a claimed message: sent, logged, and moved on (delivered, retried later, or its endpoint turned off). */
export async function attemptDelivery(deps: Deps, m: ClaimedMessage): Promise<void> {
  const body = JSON.stringify({ type: m.type, timestamp: new Date(m.occurredAt).toISOString(), data: m.data });
  // the receiver checks webhook-timestamp against its own clock to refuse replays: wall time
  const sentAt = systemClock.now();
  const signature = m.secrets.map((secret) => new Webhook(secret).sign(m.eventId, sentAt, body)).join(' ');
  const headers = {
    'webhook-id': m.eventId,
    'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
    'webhook-signature': signature,
  };
  const started = performance.now();
  const result = await postMessage(m.url, headers, body, {
    timeoutMs: TIMEOUT_MS,
    allowPrivate: deps.webhooks?.allowPrivate ?? false,
  });
  const latencyMs = Math.round(performance.now() - started);
  const ok = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
  const now = deps.clock.now();
  const delay = retryDelayAfter(m.attempt);
  const retryAt = ok || delay === undefined ? null : new Date(now.getTime() + delay * 1000);
  await deps.db.transaction(async (tx) => {
    const moved = await recordAttempt(
      tx,
      m,
      { ...result, responseExcerpt: result.excerpt, latencyMs, ok, retryAt },
      now,
    );
    if (!moved || ok || retryAt) return;
    const disabled = await disableFailingEndpoint(tx, m.orgId, m.endpointId, now);
    for (const personId of disabled?.adminIds ?? []) {
      await notify(tx, now, {
        orgId: m.orgId,
        personId,
        kind: 'webhook_disabled',
        payload: { endpointId: m.endpointId, url: disabled!.url },
        dedupeKey: `webhook_disabled:${m.endpointId}:${personId}:${now.toISOString()}`,
      });
    }
  });
}
