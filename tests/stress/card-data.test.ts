import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type Client } from '../helpers/app.js';
import { buy, card, CARDS } from '../helpers/commerce.js';
import { runJobsOnce } from '../../src/services/jobs/run-jobs.js';
import { LOG_REDACTIONS } from '../../src/http/log.js';

// Every card flow runs against a server that logs at debug level; then the whole database and
// every log line are searched for card numbers and security codes.
const AMEX = '378282246310005';
const CVC = '8413';
const NUMBERS = [
  CARDS.ok,
  CARDS.declined,
  CARDS.insufficientFunds,
  CARDS.expired,
  CARDS.incorrectCvc,
  '5555555555554444',
  AMEX,
];
const logs: string[] = [];
let app: TestApp;
let adele: Client;

beforeAll(async () => {
  const stream = new Writable({
    write(chunk, _enc, done) {
      logs.push(chunk.toString());
      done();
    },
  });
  app = await startTestApp({ logger: { level: 'debug', stream, redact: LOG_REDACTIONS } });
  adele = await app.signIn('adele@contoso.example');
});
afterAll(() => app?.close());

const amex = (overrides: Record<string, unknown> = {}) => ({ ...card(AMEX), cvc: CVC, ...overrides });

describe('card data', () => {
  it('never reaches the database nor the logs, whatever the card flow', async () => {
    // buy with every test card (the good ones succeed, the others are refused)
    for (const number of NUMBERS) await buy(adele, { card: number === AMEX ? amex() : card(number) });
    const sub = (await buy(adele, { card: amex() })).body;
    // add, edit (security code and expiry), replace, remove
    const pm = (await adele.post('/api/payment-methods', { card: amex() })).body;
    await adele.patch(`/api/payment-methods/${pm.id}`, { card: { cvc: CVC, expMonth: 11, expYear: 2031 } });
    await adele.put(`/api/billing-profiles/${sub.billingProfile.id}/payment-method`, {
      card: amex({ number: '5555 5555 5555 4444', cvc: '918' }),
    });
    await adele.delete(`/api/payment-methods/${pm.id}`);
    // a renewal that fails, then "Pay now" with a new card
    await app.deps.db.query(`UPDATE gateway.cards SET outcome = 'insufficient_funds'`);
    app.clock.set('2026-04-02T09:00:00Z');
    await runJobsOnce(app.deps);
    await app.deps.db.query(`UPDATE gateway.cards SET outcome = 'ok'`);
    adele = await app.signIn('adele@contoso.example');
    const due = (await adele.get('/api/invoices')).body.items.find((i: { status: string }) => i.status === 'due');
    expect(due).toBeDefined();
    expect(
      (await adele.post(`/api/invoices/${due.id}/pay`, { card: amex() }, { 'idempotency-key': randomUUID() })).status,
    ).toBe(200);

    const schemas = await app.deps.db.query<{ name: string }>(
      `SELECT table_schema || '.' || table_name AS name FROM information_schema.tables WHERE table_schema IN ('public', 'gateway') AND table_type = 'BASE TABLE'`,
    );
    let rows = 0;
    for (const { name } of schemas) {
      const [dump] = await app.deps.db.query<{ t: string | null; n: number }>(
        `SELECT string_agg(row_to_json(x)::text, E'\\n') AS t, count(*)::int AS n FROM ${name} x`,
      );
      rows += dump!.n;
      const text = (dump!.t ?? '').replace(/\s/g, '');
      for (const number of NUMBERS) expect(text, name).not.toContain(number);
      expect(text, name).not.toMatch(new RegExp(`[":\\s]${CVC}["\\s,}]`));
      expect(text, name).not.toMatch(/"(cvc|security_?code|card_?number)"/i);
    }
    const log = logs.join('');
    expect(logs.length).toBeGreaterThan(20);
    for (const number of NUMBERS) expect(log).not.toContain(number);
    expect(log).not.toContain(`"${CVC}"`);
    console.log(
      `card data: ${schemas.length} tables, ${rows} rows and ${logs.length} log lines searched; no card number, no security code`,
    );
  });
});
