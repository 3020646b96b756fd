import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import createClient from 'openapi-fetch';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import type { paths } from '../../web/src/api/schema';
import { buildApp } from '../../src/http/app.js';
import { MAX_USERS_AT_ONCE } from '../../src/domain/seats.js';
import { send, startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { fillPath } from '../helpers/openapi.js';

// The OpenAPI document is what generated clients and the web app's types are made from: it must
// say what the API really answers (media types, errors, headers, limits), lint clean, and drive
// an openapi-fetch client through a PDF and a CSV download.

interface Response {
  description: string;
  headers?: Record<string, unknown>;
  content?: Record<string, { schema?: { $ref?: string } }>;
}
interface Operation {
  operationId: string;
  parameters?: { in: string; name: string; required?: boolean; schema: { pattern?: string } }[];
  requestBody?: { content: Record<string, { schema: { properties: Record<string, { maxItems?: number }> } }> };
  security?: object[];
  responses: Record<string, Response>;
}
interface Document {
  servers: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: { Problem: { properties: Record<string, unknown> } }; responses: Record<string, Response> };
}

/** The document with each named response (`$ref: #/components/responses/…`) written where it is used. */
const withResponsesInline = (doc: Document): Document =>
  structuredClone({
    ...doc,
    paths: Object.fromEntries(
      Object.entries(doc.paths).map(([path, item]) => [
        path,
        Object.fromEntries(
          Object.entries(item).map(([method, op]) => [
            method,
            {
              ...op,
              responses: Object.fromEntries(
                Object.entries(op.responses).map(([status, r]) => {
                  const ref = (r as { $ref?: string }).$ref?.replace('#/components/responses/', '');
                  return [status, ref ? doc.components.responses[ref]! : r];
                }),
              ),
            },
          ]),
        ),
      ]),
    ),
  });

// recommended-ruleset warnings that do not apply here, each with why
const JUSTIFIED = [
  { ruleId: 'info-license', pointer: '#/info', why: 'a private product: there is no licence to state' },
  {
    ruleId: 'operation-4xx-response',
    pointer: '#/paths/~1healthz/get/responses',
    why: 'a liveness probe answers 200 or nothing',
  },
  {
    ruleId: 'operation-4xx-response',
    pointer: '#/paths/~1readyz/get/responses',
    why: 'a readiness probe answers 200 or 503',
  },
  {
    ruleId: 'operation-2xx-response',
    pointer: '#/paths/~1api~1sso~1start/get/responses',
    why: 'a browser navigation: 302 to the provider',
  },
  {
    ruleId: 'operation-2xx-response',
    pointer: '#/paths/~1api~1sso~1callback/get/responses',
    why: 'a browser navigation: 302 to the portal',
  },
  {
    ruleId: 'operation-4xx-response',
    pointer: '#/paths/~1api~1sso~1callback/get/responses',
    why: 'refusals are redirects to /signin?sso_error=',
  },
];

const operations = (doc: Document) =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ path, method, op })),
  );

/** How a generic client should read the answer, from the document's media type. */
const parseAsFor = (doc: Document, path: string) => {
  const media = Object.keys(doc.paths[path]!.get!.responses['200']!.content!)[0]!;
  return media === 'application/json' ? 'json' : media.startsWith('text/') ? 'text' : 'blob';
};

describe('the OpenAPI document', () => {
  let app: TestApp;
  let adele: Client;
  let served: Document;
  let doc: Document;
  beforeAll(async () => {
    app = await startTestApp({ demoPurchases: true });
    adele = await app.signIn('adele@contoso.example');
    served = (await send(`${app.url}/api/openapi.json`, 'GET')).body as Document;
    doc = withResponsesInline(served);
  });
  afterAll(() => app?.close());

  it("lints clean with Redocly's recommended rules: no error, and only the warnings justified above", async () => {
    const problems = await lintFromString({
      source: JSON.stringify(served),
      absoluteRef: `${app.url}/api/openapi.json`,
      config: await createConfig({ extends: ['recommended'] }),
    });
    const found = problems.map((p) => ({
      severity: p.severity,
      ruleId: p.ruleId,
      pointer: p.location[0]?.pointer,
      message: p.message,
    }));
    expect(found.filter((p) => p.severity === 'error')).toEqual([]);
    const unjustified = found.filter((p) => !JUSTIFIED.some((j) => j.ruleId === p.ruleId && j.pointer === p.pointer));
    expect(unjustified).toEqual([]);
  });

  it('names every operation once, describes every answer, and declares errors as problem+json (Graph errors in their own shape)', () => {
    const ops = operations(doc);
    expect(ops.length).toBeGreaterThan(100);
    expect(new Set(ops.map(({ op }) => op.operationId)).size).toBe(ops.length);
    expect(doc.paths['/api/invoices/{id}/pdf']!.get!.operationId).toBe('getInvoicesByIdPdf');
    for (const { path, method, op } of ops) {
      for (const [status, response] of Object.entries(op.responses)) {
        expect(response.description, `${method} ${path} ${status}`).not.toBe('Default Response');
        if (!status.startsWith('4') && !status.startsWith('5')) continue;
        const media = path.startsWith('/v1.0/') ? 'application/json' : 'application/problem+json';
        expect(Object.keys(response.content ?? {}), `${method} ${path} ${status}`).toEqual([media]);
      }
      // every body can be too large or not JSON; every credential can be missing
      if (op.requestBody)
        expect(Object.keys(op.responses), `${method} ${path}`).toEqual(expect.arrayContaining(['400', '413', '415']));
      if ((op.security ?? [{}]).length) expect(Object.keys(op.responses), `${method} ${path}`).toContain('401');
    }
  });

  it('says each kind of error answer once, as a named response the operations refer to', () => {
    const invoice = served.paths['/api/invoices/{id}']!.get!.responses;
    expect([invoice['401'], invoice['404']]).toEqual([
      { $ref: '#/components/responses/Unauthorized' },
      { $ref: '#/components/responses/NotFound' },
    ]);
    const buy = served.paths['/api/subscriptions']!.post!.responses;
    expect(buy['409']).toEqual({ $ref: '#/components/responses/ConflictWithIdempotencyKey' });
    expect(served.components.responses.ConflictWithIdempotencyKey!.description).toContain(
      'idempotency_request_in_progress',
    );
    const errors = operations(served).flatMap(({ op }) =>
      Object.entries(op.responses).filter(([s]) => /^[45]/.test(s)),
    );
    expect(errors.every(([, r]) => '$ref' in r)).toBe(true);
    expect(Object.keys(served.components.responses).length).toBeLessThan(30);
  });

  it('declares the answer every operation gives a stranger, a member and an admin asking for something that does not exist', async () => {
    const admin = await app.signIn('admin@contoso.example');
    const callers = { stranger: undefined, member: adele, admin };
    const undeclared: string[] = [];
    // not the ways out: the callers stay signed in
    for (const { path, method, op } of operations(doc).filter(
      ({ path }) => !['/api/session', '/api/sso/sign-out'].includes(path),
    )) {
      const url = fillPath(path, {});
      for (const [who, client] of Object.entries(callers)) {
        const body = op.requestBody ? {} : undefined;
        const res = client
          ? await client.request(method.toUpperCase(), url, body)
          : await send(app.url + url, method.toUpperCase(), body);
        if (!(String(res.status) in op.responses))
          undeclared.push(`${method} ${path} as ${who}: ${res.status} ${res.text.slice(0, 80)}`);
      }
    }
    expect(undeclared).toEqual([]);
  });

  it('gives files their real media types and the server its PUBLIC_URL', async () => {
    const media = (path: string) => Object.keys(doc.paths[path]!.get!.responses['200']!.content!);
    expect(media('/api/invoices/{id}/pdf')).toEqual(['application/pdf']);
    for (const path of ['/api/invoices.csv', '/api/admin/audit.csv', '/api/subscriptions/{id}/assignments.csv']) {
      expect(media(path)).toEqual(['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
    }
    expect(doc.servers).toEqual([{ url: '/', description: 'this portal' }]);
    const behindProxy = await buildApp({ deps: { ...app.deps, publicUrl: 'https://portal.contoso.example/' } });
    const served = (await behindProxy.inject({ method: 'GET', url: '/api/openapi.json' })).json<Document>();
    await behindProxy.close();
    expect(served.servers).toEqual([{ url: 'https://portal.contoso.example', description: 'this portal' }]);
  });

  it('shows the Idempotency-Key as each route takes it, and Idempotent-Replayed on its answers', () => {
    const key = (path: string, method: string) =>
      doc.paths[path]![method]!.parameters?.find((p) => p.in === 'header' && p.name === 'idempotency-key');
    for (const [path, method] of [
      ['/api/subscriptions', 'post'],
      ['/api/subscriptions/{id}/reactivate', 'post'],
      ['/api/invoices/{id}/pay', 'post'],
    ] as const) {
      expect(key(path, method), `${method} ${path}`).toMatchObject({
        required: true,
        schema: { pattern: '^[\\x21-\\x7e]{1,255}$' },
      });
      const answers = doc.paths[path]![method]!.responses;
      expect(Object.values(answers).find((_, i) => Object.keys(answers)[i]!.startsWith('2'))!.headers).toHaveProperty(
        'Idempotent-Replayed',
      );
      expect(Object.keys(answers)).toEqual(expect.arrayContaining(['409', '422']));
    }
    expect(key('/api/subscriptions/{id}/licenses', 'put')).toMatchObject({ required: false });
    expect(key('/api/subscriptions/{id}/cancel', 'post')).toBeUndefined();
  });

  it('declares the limits enforced and the problem members sent', async () => {
    const body = (path: string) => doc.paths[path]!.post!.requestBody!.content['application/json']!.schema.properties;
    expect(body('/api/subscriptions/{id}/assignments').userIds!.maxItems).toBe(MAX_USERS_AT_ONCE);
    expect(doc.paths['/api/session']!.post!.responses['429']!.headers).toHaveProperty('Retry-After');

    const subscriptionId = ((await adele.get('/api/subscriptions')).body.items as { id: string }[])[0]!.id;
    const ids = Array.from({ length: MAX_USERS_AT_ONCE + 1 }, () => crypto.randomUUID());
    const tooMany = await adele.post(`/api/subscriptions/${subscriptionId}/assignments`, { userIds: ids });
    const invalid = await adele.post(`/api/subscriptions/${subscriptionId}/assignments`, { userIds: ['me'] });
    const tooLarge = await adele.post('/api/notifications/read', { padding: 'x'.repeat(300 * 1024) });
    const notJson = await adele.post('/api/notifications/read', 'ids=1', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    const answers = [tooMany, invalid, tooLarge, notJson];
    expect(answers.map((res) => [res.status, res.body.code])).toEqual([
      [422, 'too_many_users'],
      [400, 'validation_failed'],
      [413, 'body_too_large'],
      [415, 'unsupported_media_type'],
    ]);
    expect([tooMany.body.max, invalid.body.errors[0].path]).toEqual([MAX_USERS_AT_ONCE, '/userIds/0']);
    const declared = Object.keys(doc.components.schemas.Problem.properties);
    for (const res of answers) {
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(declared).toEqual(expect.arrayContaining(Object.keys(res.body)));
    }
  });

  it('answers a known path asked with another method 405 with Allow; an unknown path stays 404', async () => {
    const wrong = await adele.post('/api/invoices.csv', {});
    expect([wrong.status, wrong.body.code, wrong.headers.get('allow')]).toEqual([
      405,
      'method_not_allowed',
      'GET, HEAD',
    ]);
    expect(wrong.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const session = await send(`${app.url}/api/session`, 'GET');
    expect([session.status, session.headers.get('allow')]).toEqual([405, 'POST, DELETE']);
    // Graph's clients read Graph's error shape
    const graph = await adele.delete('/v1.0/subscribedSkus');
    expect([graph.status, graph.headers.get('allow'), graph.body.error.innerError.code]).toEqual([
      405,
      'GET, HEAD',
      'method_not_allowed',
    ]);
    const unknown = await adele.get('/api/no-such-thing');
    expect([unknown.status, unknown.headers.get('allow')]).toEqual([404, null]);
  });

  it('lets a client generated by openapi-typescript + openapi-fetch download an invoice PDF and a CSV as the document says', async () => {
    const client = createClient<paths>({ baseUrl: app.url, headers: { cookie: adele.cookie } });
    const list = await client.GET('/api/invoices', { params: { query: { months: 24 } } });
    const invoice = list.data!.items[0]!;
    expect(parseAsFor(doc, '/api/invoices/{id}/pdf')).toBe('blob');
    const pdf = await client.GET('/api/invoices/{id}/pdf', {
      params: { path: { id: invoice.id }, query: { lang: 'fr' } },
      parseAs: parseAsFor(doc, '/api/invoices/{id}/pdf'),
    });
    expect(pdf.response.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await (pdf.data as Blob).arrayBuffer())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');

    expect(parseAsFor(doc, '/api/invoices.csv')).toBe('text');
    const csv = await client.GET('/api/invoices.csv', {
      params: { query: { lang: 'fr', months: 24 } },
      parseAs: parseAsFor(doc, '/api/invoices.csv'),
    });
    const [header, ...rows] = (csv.data as unknown as string)
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(header!.split(';')[0]).toBe('Numéro');
    expect(rows.some((row) => row.startsWith(invoice.number))).toBe(true);

    // a refusal comes back as the problem the document declares
    const missing = await client.GET('/api/invoices/{id}/pdf', {
      params: { path: { id: crypto.randomUUID() } },
      parseAs: 'blob',
    });
    expect([missing.response.status, missing.error?.code]).toEqual([404, 'not_found']);
  });
});
