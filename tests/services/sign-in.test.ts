import { describe, expect, it } from 'vitest';
import { signIn } from '../../src/services/auth/sign-in.js';
import { decoyHash, verifyPassword } from '../../src/services/auth/passwords.js';
import { AppError } from '../../src/domain/errors.js';
import { useTestApp } from '../helpers/app.js';
import { DEMO_PASSWORD } from '../helpers/db.js';
import { findPeopleByEmailForSignIn } from '../../src/db/people.js';
import { CONTOSO_PEOPLE, FABRIKAM_PEOPLE } from '../../src/demo/people.js';

const t = useTestApp();

/** Signs in with the real Argon2 check, counting the checks and noting whether the decoy took them. */
async function checksFor(email: string, password: string) {
  const checks: ('decoy' | 'own hash')[] = [];
  const decoy = await decoyHash();
  const counting = (hash: string, pw: string) => {
    checks.push(hash === decoy ? 'decoy' : 'own hash');
    return verifyPassword(hash, pw);
  };
  let outcome: string;
  try {
    await signIn(t.app.deps, { email, password, clientAddress: `10.7.${Math.floor(Math.random() * 250)}.1` }, counting);
    outcome = 'signed in';
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    outcome = e.code;
  }
  return { outcome, checks };
}

// An answer that comes faster tells an attacker which emails exist or are disabled: every path
// runs one Argon2 check, against the person's hash or against a decoy.
describe('sign-in takes the same work whoever is named', () => {
  it('checks one hash for a right password, a wrong one, an unknown email and a disabled account', async () => {
    const cases = [
      ['adele@contoso.example', DEMO_PASSWORD, 'signed in', 'own hash'],
      ['adele@contoso.example', 'wrong', 'invalid_credentials', 'own hash'],
      ['nobody@contoso.example', DEMO_PASSWORD, 'invalid_credentials', 'decoy'],
      // Grady Archie is disabled: even his right password is checked, then refused like any failure
      ['grady.archie@contoso.example', DEMO_PASSWORD, 'invalid_credentials', 'own hash'],
      ['grady.archie@contoso.example', 'wrong', 'invalid_credentials', 'own hash'],
    ] as const;
    for (const [email, password, outcome, check] of cases)
      expect(await checksFor(email, password), `${email} with ${password}`).toEqual({ outcome, checks: [check] });
  });

  it('answers a disabled account in about the time of an unknown one (medians of 7, a generous bound)', async () => {
    const timed = async (email: string) => {
      t.app.clock.advanceDays(1); // a new throttle window for each try
      const started = performance.now();
      const { outcome } = await checksFor(email, 'wrong');
      expect(outcome).toBe('invalid_credentials');
      return performance.now() - started;
    };
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const unknown: number[] = [];
    const disabled: number[] = [];
    // interleaved, so that a busy moment of the machine weighs on both; skipping the check made a
    // disabled account answer ten times faster, far outside a factor of 3
    for (let i = 0; i < 7; i++) {
      unknown.push(await timed(`nobody${i}@contoso.example`));
      disabled.push(await timed('grady.archie@contoso.example'));
    }
    const ratio = median(disabled) / median(unknown);
    expect(ratio, `disabled ${disabled.join(', ')} ms; unknown ${unknown.join(', ')} ms`).toBeGreaterThan(1 / 3);
    expect(ratio).toBeLessThan(3);
  });
});

describe('demo accounts', () => {
  it('give every person a hash of their own (own salt), each opening with the demo password', async () => {
    const hashes = await Promise.all(
      [...CONTOSO_PEOPLE, ...FABRIKAM_PEOPLE].map(
        async (p) => (await findPeopleByEmailForSignIn(t.app.deps.db, p.email))[0]!.passwordHash!,
      ),
    );
    const salts = hashes.map((h) => h.split('$')[4]);
    expect(new Set(hashes).size).toBe(hashes.length);
    expect(new Set(salts).size).toBe(hashes.length);
    expect(hashes.every((h) => h.startsWith('$argon2id$'))).toBe(true);
    const sample = [hashes[0]!, hashes[hashes.length - 1]!];
    expect(await Promise.all(sample.map((h) => verifyPassword(h, DEMO_PASSWORD)))).toEqual([true, true]);
  });
});
