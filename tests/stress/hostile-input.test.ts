import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { startTestApp, send, type TestApp, type Client } from '../helpers/app.js';
import { operationsOf, fillPath, type Operation } from '../helpers/openapi.js';
import { buy } from '../helpers/commerce.js';

// Property-based: malformed and extreme paths, query strings, bodies, headers and encodings for
// every route of the OpenAPI document. Only 4xx problem answers, never a 5xx; the server stays up.
const RUNS = process.env.SELFSERVE_SOAK ? 10_000 : 800;

let app: TestApp;
let member: Client;
let admin: Client;
let bearer: string;
let operations: Operation[];
let sent = 0;
const statuses = new Map<number, number>();

beforeAll(async () => {
  app = await startTestApp();
  member = await app.signIn('adele@contoso.example');
  admin = await app.signIn('admin@contoso.example');
  bearer = (await member.post('/api/tokens', { name: 'fuzz' })).body.token;
  // not the ways out: the fuzzing member stays signed in throughout
  const signOuts = new Set(['DELETE /api/session', 'POST /api/sso/sign-out']);
  operations = (await operationsOf(app.url)).filter((o) => !signOuts.has(`${o.method} ${o.path}`));
});
afterAll(async () => {
  console.log(
    `hostile input: ${sent} requests over ${operations.length} operations; statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
  );
  await app?.close();
});

interface Raw {
  status: number;
  contentType: string;
  body: string;
}

/** node:http rather than fetch: it sends bytes fetch would refuse (bad UTF-8, odd headers). */
function raw(method: string, path: string, headers: Record<string, string>, body?: Buffer): Promise<Raw> {
  const url = new URL(app.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          contentType: res.headers['content-type'] ?? '',
          body: Buffer.concat(chunks).toString(),
        }),
      );
    });
    req.on('error', reject);
    if (body) req.end(body);
    else req.end();
  });
}

/** Cursors a client forged: our shape, with dates PostgreSQL cannot hold or text it cannot store. */
const forge = (key: object) => Buffer.from(JSON.stringify(key)).toString('base64url');
const ID = '00000000-0000-4000-8000-000000000000';
const FORGED_CURSORS = [
  ...[
    '2020-02-30T00:00:00.000Z',
    '0000-01-01T00:00:00Z',
    '+275760-09-13T00:00:00.000Z',
    '2020-12-31T23:59:60Z',
  ].flatMap((at) => [forge({ createdAt: at, id: ID }), forge({ issuedAt: at, id: ID }), forge({ at, id: 1 })]),
  forge({ searchName: 'a\u0000b', id: ID }),
  forge({ name: 'a\u0000b', id: ID }),
];
/** Instants and days a schema's format lets through but a calendar or PostgreSQL does not. */
const ODD_DATES = [
  '2020-12-31T23:59:60Z',
  '0000-01-01T00:00:00Z',
  '9999-12-31',
  '0000-01-01',
  '9999-12-31T23:59:59Z',
  '2021-02-29',
];

const extremeString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.constant(''),
  fc.constant('x'.repeat(2_000)),
  fc.constantFrom(
    "' OR 1=1 --",
    '%00',
    '../../etc/passwd',
    '\u0000',
    '\uD800',
    '${jndi:x}',
    '<script>',
    'NaN',
    '-1',
    '1e309',
    'null',
  ),
  fc.constantFrom(...FORGED_CURSORS, ...ODD_DATES),
);
/** A body nested `depth` deep: arrays in arrays, or objects in objects. */
const deepJson = (depth: number, kind: 'array' | 'object' = 'array') =>
  Buffer.from(
    kind === 'array' ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth),
  );
/** JSON text whose string holds a lone UTF-16 surrogate (valid JSON, unstorable text). */
const loneSurrogate = (key: string) => Buffer.from(`{"${key}":"a\\ud800b"}`);
/** Percent-encodes, or for a lone surrogate sends its invalid UTF-8 bytes as they are. */
const encode = (s: string) => {
  try {
    return encodeURIComponent(s);
  } catch {
    return '%ED%A0%80';
  }
};
const extremeValue: fc.Arbitrary<unknown> = fc.oneof(
  extremeString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 2 ** 63, -0, 10_001, 0, -1, 1e21),
  fc.array(fc.anything(), { maxLength: 30 }),
  fc.dictionary(fc.string(), fc.anything(), { maxKeys: 5 }),
  fc.array(fc.uuid(), { maxLength: 25 }),
);
const pathValue = fc.oneof(
  fc.uuid(),
  fc.constant('00000000-0000-0000-0000-000000000000'),
  extremeString.map(encode),
  fc.constantFrom('%', '%zz', '..%2F..', 'a'.repeat(3000)),
);

function bodyFor(op: Operation) {
  const shaped = fc.dictionary(
    op.bodyProperties.length ? fc.constantFrom(...op.bodyProperties) : fc.string(),
    extremeValue,
    { maxKeys: 8 },
  );
  return fc.oneof(
    shaped.map((o) => Buffer.from(JSON.stringify(o))),
    fc.json().map((j) => Buffer.from(j)),
    fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)),
    fc.constantFrom(
      Buffer.from('{"a":'),
      Buffer.from([0xff, 0xfe, 0x7b, 0x7d]),
      Buffer.from('{"__proto__":{"x":1}}'),
      Buffer.alloc(300 * 1024, 0x20),
      deepJson(10_000),
      deepJson(10_000, 'object'),
    ),
    fc.constantFrom(...(op.bodyProperties.length ? op.bodyProperties : ['x'])).map(loneSurrogate),
  );
}

const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=latin1',
  '',
  'application/problem+json',
);

describe('hostile input', () => {
  it('answers only 4xx problems (or success), never a 5xx, to every route', async () => {
    const opArb = fc.integer({ min: 0, max: operations.length - 1 }).chain((i) => {
      const op = operations[i]!;
      return fc.record({
        op: fc.constant(op),
        params: fc.record(Object.fromEntries(op.pathParams.map((p) => [p, pathValue]))),
        query: fc.dictionary(
          op.queryParams.length ? fc.constantFrom(...op.queryParams, 'x') : fc.string(),
          extremeString.map(encode),
          { maxKeys: 4 },
        ),
        body: op.hasBody ? fc.option(bodyFor(op), { freq: 8 }) : fc.constant(null),
        contentType,
        auth: fc.constantFrom('cookie', 'bearer', 'none', 'garbage'),
        idempotencyKey: fc.option(
          extremeString.filter((s) => /^[\x20-\x7e]{0,1000}$/.test(s)),
          { nil: undefined },
        ),
      });
    });

    await fc.assert(
      fc.asyncProperty(opArb, async ({ op, params, query, body, contentType, auth, idempotencyKey }) => {
        const qs = Object.entries(query)
          .map(([k, v]) => `${encode(k)}=${v}`)
          .join('&');
        const path = fillPath(op.path, params) + (qs ? `?${qs}` : '');
        const headers: Record<string, string> = {};
        if (body) headers['content-type'] = contentType;
        if (auth === 'cookie') Object.assign(headers, { cookie: member.cookie, 'x-csrf-token': member.csrfToken });
        if (auth === 'bearer') headers.authorization = `Bearer ${bearer}`;
        if (auth === 'garbage') headers.authorization = 'Bearer \u00ff';
        if (idempotencyKey !== undefined) headers['idempotency-key'] = idempotencyKey;
        const res = await raw(op.method, path, headers, body ?? undefined);
        sent++;
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        expect(res.status, `${op.method} ${path} -> ${res.body.slice(0, 300)}`).toBeLessThan(500);
        if (res.status >= 400) {
          const isGraph = path.startsWith('/v1.0');
          expect(res.contentType, `${op.method} ${path}`).toMatch(
            isGraph ? /application\/json/ : /application\/problem\+json/,
          );
          const parsed = JSON.parse(res.body);
          expect(isGraph ? parsed.error?.code : parsed.code, `${op.method} ${path}`).toEqual(expect.any(String));
        }
      }),
      { numRuns: RUNS, endOnFailure: true },
    );

    // what the database cannot store is refused up front, wherever it hides
    for (const [method, path, body] of [
      ['GET', '/v1.0/users/%00', undefined],
      ['GET', '/api/people?search=a%00b', undefined],
      [
        'POST',
        '/api/payment-methods',
        Buffer.from(
          JSON.stringify({
            card: {
              number: '4242424242424242',
              expMonth: 12,
              expYear: 2030,
              cvc: '123',
              nameOnCard: 'a\u0000b',
              address: { line1: 'x', city: 'y', postalCode: 'z', country: 'FR' },
            },
          }),
        ),
      ],
    ] as const) {
      const res = await raw(
        method,
        path,
        { authorization: `Bearer ${bearer}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body,
      );
      expect(res.status, `${method} ${path}`).toBe(400);
    }

    // still up and serving
    expect((await send(`${app.url}/api/openapi.json`, 'GET')).status).toBe(200);
    expect((await member.get('/api/me')).status).toBe(200);
  });

  it('answers crafted cursors, dates and bodies with a 4xx problem and a stable code', async () => {
    const subscriptionId = (await buy(member)).body.id;
    const cursor = (key: object) => encodeURIComponent(forge(key));
    const cases: [Client | undefined, string, string, Buffer | undefined, number, string][] = [];
    for (const at of [
      '2020-02-30T00:00:00.000Z',
      '0000-01-01T00:00:00Z',
      '+275760-09-13T00:00:00.000Z',
      '2020-12-31T23:59:60Z',
    ]) {
      cases.push([
        admin,
        'GET',
        `/api/admin/self-service-purchases?cursor=${cursor({ createdAt: at, id: ID })}`,
        undefined,
        400,
        'invalid_cursor',
      ]);
      cases.push([
        member,
        'GET',
        `/api/invoices?cursor=${cursor({ issuedAt: at, id: ID })}`,
        undefined,
        400,
        'invalid_cursor',
      ]);
      cases.push([admin, 'GET', `/api/admin/audit?cursor=${cursor({ at, id: 1 })}`, undefined, 400, 'invalid_cursor']);
    }
    for (const key of [
      { searchName: 'a\u0000b', id: ID },
      { searchName: 'a\ud800b', id: ID },
    ]) {
      cases.push([member, 'GET', `/api/people?cursor=${cursor(key)}`, undefined, 400, 'invalid_cursor']);
      cases.push([member, 'GET', `/v1.0/users?$skiptoken=${cursor(key)}`, undefined, 400, 'invalid_cursor']);
    }
    cases.push([
      member,
      'GET',
      `/api/subscriptions/${subscriptionId}/assignments?cursor=${cursor({ name: 'a\u0000b', id: ID })}`,
      undefined,
      400,
      'invalid_cursor',
    ]);
    for (const at of ['2020-12-31T23:59:60Z', '0000-01-01T00:00:00Z', '0000-12-31T23:59:59Z']) {
      cases.push([
        admin,
        'GET',
        `/api/admin/audit?from=${encodeURIComponent(at)}`,
        undefined,
        400,
        'validation_failed',
      ]);
      cases.push([
        admin,
        'GET',
        `/api/admin/audit.csv?to=${encodeURIComponent(at)}`,
        undefined,
        400,
        'validation_failed',
      ]);
    }
    for (const range of [
      'from=9999-12-31',
      'to=9999-12-31',
      'from=0000-01-01&to=0000-12-31',
      'from=9999-01-01&to=9999-12-31',
    ]) {
      cases.push([member, 'GET', `/api/invoices?${range}`, undefined, 400, 'invalid_date_range']);
      cases.push([member, 'GET', `/api/invoices.csv?${range}`, undefined, 400, 'invalid_date_range']);
    }
    cases.push([member, 'POST', '/api/tokens', loneSurrogate('name'), 400, 'validation_failed']);
    cases.push([
      undefined,
      'POST',
      '/api/session',
      Buffer.from('{"email":"a\\udc00@contoso.example","password":"x"}'),
      400,
      'validation_failed',
    ]);
    for (const kind of ['array', 'object'] as const) {
      // refused before the body is read when nobody is signed in, and as bad JSON when someone is
      cases.push([undefined, 'POST', '/api/tokens', deepJson(10_000, kind), 401, 'unauthenticated']);
      cases.push([member, 'POST', '/api/tokens', deepJson(10_000, kind), 400, 'invalid_json']);
      cases.push([
        member,
        'PUT',
        `/api/subscriptions/${subscriptionId}/licenses`,
        deepJson(10_000, kind),
        400,
        'invalid_json',
      ]);
      cases.push([undefined, 'POST', '/api/session', deepJson(10_000, kind), 400, 'invalid_json']);
    }
    const failures: string[] = [];
    for (const [client, method, path, body, status, code] of cases) {
      const headers: Record<string, string> = client ? { cookie: client.cookie, 'x-csrf-token': client.csrfToken } : {};
      if (body) headers['content-type'] = 'application/json';
      const res = await raw(method, path, headers, body);
      const parsed = (() => {
        try {
          return JSON.parse(res.body);
        } catch {
          return {};
        }
      })();
      const got = path.startsWith('/v1.0') ? parsed.error?.innerError?.code : parsed.code;
      const type = path.startsWith('/v1.0') ? 'application/json' : 'application/problem+json';
      if (res.status !== status || got !== code || !res.contentType.startsWith(type)) {
        failures.push(
          `${method} ${path.slice(0, 120)}: ${res.status} ${got ?? res.body.slice(0, 100)} (${res.contentType})`,
        );
      }
    }
    expect(failures).toEqual([]);

    // still up and serving
    expect((await send(`${app.url}/api/openapi.json`, 'GET')).status).toBe(200);
    expect((await member.get('/api/me')).status).toBe(200);
  });
});
