import type { Clock } from '../../domain/clock.js';

const WINDOW_MS = 15 * 60_000;
// a person gets five tries; an address (an office behind one NAT) more, across emails
const maxFailures = (key: string) => (key.startsWith('ip:') ? 30 : 5);
const MAX_KEYS = 10_000;

/**
 * Counts failed sign-ins per email and per client address within a window; past the limit
 * further attempts are refused until the window has passed. Kept in memory per server.
 * Keys are "email:<address>" or "ip:<address>".
 */
export class SignInThrottle {
  private failures = new Map<string, number[]>();
  constructor(private clock: Clock) {}

  /** Milliseconds until another attempt is allowed for any of the keys, or 0. */
  retryAfterMs(keys: string[]): number {
    const now = this.clock.now().getTime();
    let wait = 0;
    for (const key of keys) {
      const recent = (this.failures.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
      if (recent.length >= maxFailures(key)) wait = Math.max(wait, recent[0]! + WINDOW_MS - now);
    }
    return wait;
  }

  recordFailure(keys: string[]): void {
    const now = this.clock.now().getTime();
    for (const key of keys) {
      const recent = (this.failures.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
      recent.push(now);
      this.failures.delete(key);
      this.failures.set(key, recent);
    }
    // forget the oldest keys first so a flood of addresses cannot grow memory without bound
    while (this.failures.size > MAX_KEYS) this.failures.delete(this.failures.keys().next().value!);
  }

  clear(keys: string[]): void {
    for (const key of keys) this.failures.delete(key);
  }
}
