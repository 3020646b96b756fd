import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type Client } from '../helpers/app.js';
import { buy, gatewayMoves, purchase } from '../helpers/commerce.js';

let app: TestApp;
let adele: Client;
beforeAll(async () => {
  app = await startTestApp();
  adele = await app.signIn('adele@contoso.example');
});
afterAll(() => app?.close());

describe('retries with one Idempotency-Key', () => {
  it('charges once when the client hangs up and retries until it gets its answer', async () => {
    const key = randomUUID();
    const before = (await gatewayMoves(app)).length;
    const aborted = new AbortController();
    const first = fetch(`${app.url}/api/subscriptions`, {
      method: 'POST', signal: aborted.signal, body: JSON.stringify(purchase({ quantity: 3 })),
      headers: { 'content-type': 'application/json', cookie: adele.cookie, 'x-csrf-token': adele.csrfToken, 'idempotency-key': key },
    }).catch(() => undefined);
    setTimeout(() => aborted.abort(), 2);
    await first;
    let answer;
    for (let i = 0; i < 100; i++) {
      answer = await buy(adele, { quantity: 3 }, key);
      if (answer.status !== 409) break; // the first request is still running on the server
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(answer!.status).toBe(201);
    expect((await gatewayMoves(app)).length - before).toBe(1);
    expect((await buy(adele, { quantity: 3 }, key)).body.id).toBe(answer!.body.id);
  });

  it('charges once for 10 concurrent purchases with one key, and refuses the key with another body', async () => {
    const key = randomUUID();
    const before = (await gatewayMoves(app)).length;
    const answers = await Promise.all(Array.from({ length: 10 }, () => buy(adele, { quantity: 2 }, key)));
    expect(answers.every((a) => a.status === 201 || a.status === 409)).toBe(true);
    expect(new Set(answers.filter((a) => a.status === 201).map((a) => a.body.id)).size).toBe(1);
    expect((await gatewayMoves(app)).length - before).toBe(1);
    expect((await buy(adele, { quantity: 9 }, key)).status).toBe(422);
  });
});
