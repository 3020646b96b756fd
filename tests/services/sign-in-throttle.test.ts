import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/clock.js';
import { AppError } from '../../src/domain/errors.js';
import { signedIn, takeSignInAttempt, type SignInKeys } from '../../src/services/auth/sign-in-throttle.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';

// The counters live in the database (PostgreSQL, or PGlite without DATABASE_URL), as in production.
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.drop());

/** 'ok' when the attempt may check its password, else the seconds to wait. */
const attempt = async (clock: ManualClock, keys: SignInKeys) => {
  try {
    await takeSignInAttempt(database.db, clock.now(), keys);
    return 'ok';
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'too_many_attempts') throw e;
    return e.extra.retryAfterSeconds;
  }
};

describe('sign-in throttle', () => {
  it('allows five attempts at an email in 15 minutes, then refuses until the window has passed', async () => {
    const clock = new ManualClock('2026-01-01T00:00:00Z');
    const keys = { email: 'a@x.example', clientAddress: '10.0.0.1' };
    for (let i = 0; i < 5; i++) {
      expect(await attempt(clock, keys)).toBe('ok');
      clock.advanceDays(1 / 1440);
    }
    expect(await attempt(clock, keys)).toBe(10 * 60);
    // another address with the same email is refused too; another email from the same address is not
    expect(await attempt(clock, { ...keys, clientAddress: '10.0.0.2' })).toBe(10 * 60);
    expect(await attempt(clock, { ...keys, email: 'b@x.example' })).toBe('ok');
    clock.advanceDays(10 / 1440);
    expect(await attempt(clock, keys)).toBe('ok');
  });

  it('allows an address thirty attempts across emails', async () => {
    const clock = new ManualClock('2026-01-02T00:00:00Z');
    for (let i = 0; i < 30; i++)
      expect(await attempt(clock, { email: `${i}@x.example`, clientAddress: '10.0.0.9' })).toBe('ok');
    expect(await attempt(clock, { email: 'new@x.example', clientAddress: '10.0.0.9' })).toBe(15 * 60);
  });

  it('forgets an email after a successful sign-in, and gives the address its attempt back', async () => {
    const clock = new ManualClock('2026-01-03T00:00:00Z');
    const keys = { email: 'c@x.example', clientAddress: '10.0.0.3' };
    for (let i = 0; i < 4; i++) await attempt(clock, keys);
    await signedIn(database.db, keys);
    for (let i = 0; i < 5; i++) expect(await attempt(clock, keys)).toBe('ok');
    // 4 + 5 attempts counted, one given back: 22 more from this address, then none
    for (let i = 0; i < 22; i++)
      expect(await attempt(clock, { email: `d${i}@x.example`, clientAddress: '10.0.0.3' })).toBe('ok');
    expect(await attempt(clock, { email: 'e@x.example', clientAddress: '10.0.0.3' })).toBe(15 * 60);
  });

  it('counts concurrent attempts before any password is checked: of 25 at once, 5 go through', async () => {
    const clock = new ManualClock('2026-01-04T00:00:00Z');
    const outcomes = await Promise.all(
      Array.from({ length: 25 }, () => attempt(clock, { email: 'f@x.example', clientAddress: '10.0.0.4' })),
    );
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(5);
  });
});
