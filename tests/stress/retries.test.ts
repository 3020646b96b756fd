import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useSignedInApp } from '../helpers/app.js';
import { buy, gatewayMoves, purchase } from '../helpers/commerce.js';

const t = useSignedInApp(['adele']);

describe('retries with one Idempotency-Key', () => {
  it('charges once when the client hangs up and retries until it gets its answer', async () => {
    const key = randomUUID();
    const before = (await gatewayMoves(t.app)).length;
    const aborted = new AbortController();
    const first = fetch(`${t.app.url}/api/subscriptions`, {
      method: 'POST',
      signal: aborted.signal,
      body: JSON.stringify(purchase({ quantity: 3 })),
      headers: {
        'content-type': 'application/json',
        cookie: t.adele.cookie,
        'x-csrf-token': t.adele.csrfToken,
        'idempotency-key': key,
      },
    }).catch(() => undefined);
    setTimeout(() => aborted.abort(), 2);
    await first;
    // 409: the first request is still running on the server
    let answer = await buy(t.adele, { quantity: 3 }, key);
    for (let i = 1; i < 100 && answer.status === 409; i++) {
      await new Promise((r) => setTimeout(r, 20));
      answer = await buy(t.adele, { quantity: 3 }, key);
    }
    expect(answer.status).toBe(201);
    expect((await gatewayMoves(t.app)).length - before).toBe(1);
    expect((await buy(t.adele, { quantity: 3 }, key)).body.id).toBe(answer.body.id);
  });

  it('charges once for 10 concurrent purchases with one key, and refuses the key with another body', async () => {
    const key = randomUUID();
    const before = (await gatewayMoves(t.app)).length;
    const answers = await Promise.all(Array.from({ length: 10 }, () => buy(t.adele, { quantity: 2 }, key)));
    expect(answers.every((a) => a.status === 201 || a.status === 409)).toBe(true);
    expect(new Set(answers.filter((a) => a.status === 201).map((a) => a.body.id)).size).toBe(1);
    expect((await gatewayMoves(t.app)).length - before).toBe(1);
    expect((await buy(t.adele, { quantity: 9 }, key)).status).toBe(422);
  });
});
