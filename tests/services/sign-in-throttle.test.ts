import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/clock.js';
import { SignInThrottle } from '../../src/services/auth/sign-in-throttle.js';

describe('sign-in throttle', () => {
  it('allows five failures in 15 minutes, then refuses until the oldest one is 15 minutes old', () => {
    const clock = new ManualClock('2026-01-01T00:00:00Z');
    const throttle = new SignInThrottle(clock);
    const keys = ['email:a@x.example', 'ip:10.0.0.1'];
    for (let i = 0; i < 5; i++) {
      expect(throttle.retryAfterMs(keys)).toBe(0);
      throttle.recordFailure(keys);
      clock.advanceDays(1 / 1440);
    }
    expect(throttle.retryAfterMs(keys)).toBe(10 * 60_000);
    // another address with the same email is refused too; another email from the same address is not yet
    expect(throttle.retryAfterMs(['email:a@x.example', 'ip:10.0.0.2'])).toBeGreaterThan(0);
    expect(throttle.retryAfterMs(['email:b@x.example', 'ip:10.0.0.1'])).toBe(0);
    clock.advanceDays(10 / 1440);
    expect(throttle.retryAfterMs(keys)).toBe(0);
  });

  it('allows an address thirty failures across emails', () => {
    const throttle = new SignInThrottle(new ManualClock('2026-01-01T00:00:00Z'));
    for (let i = 0; i < 30; i++) {
      expect(throttle.retryAfterMs([`email:${i}@x.example`, 'ip:10.0.0.9'])).toBe(0);
      throttle.recordFailure([`email:${i}@x.example`, 'ip:10.0.0.9']);
    }
    expect(throttle.retryAfterMs(['email:new@x.example', 'ip:10.0.0.9'])).toBeGreaterThan(0);
  });

  it('forgets an email after a successful sign-in', () => {
    const clock = new ManualClock('2026-01-01T00:00:00Z');
    const throttle = new SignInThrottle(clock);
    for (let i = 0; i < 5; i++) throttle.recordFailure(['email:a@x.example']);
    throttle.clear(['email:a@x.example']);
    expect(throttle.retryAfterMs(['email:a@x.example'])).toBe(0);
  });
});
