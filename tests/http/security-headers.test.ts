import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, send, type TestApp } from '../helpers/app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

const directives = (csp: string | null) =>
  new Map(
    (csp ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([k, ...v]) => [k!, v]),
  );

describe('security headers', () => {
  // the web UI, the API reference, an API answer, a refusal and a file of the UI
  for (const path of ['/', '/billing/licenses', '/api/docs', '/api/openapi.json', '/api/me', '/no-such-file.js']) {
    it(`are on ${path}`, async () => {
      const res = await send(app.url + path, 'GET');
      const csp = directives(res.headers.get('content-security-policy'));
      expect(csp.get('default-src')).toEqual(["'self'"]);
      // our own files, and elements carrying this response's nonce; nothing inline otherwise
      expect(csp.get('script-src')).toEqual(["'self'", expect.stringMatching(/^'nonce-[\w+/=-]{16,}'$/)]);
      expect(csp.get('style-src')).toEqual(["'self'", expect.stringMatching(/^'nonce-[\w+/=-]{16,}'$/)]);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      expect(csp.get('base-uri')).toEqual(["'none'"]);
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      // plain HTTP: HSTS would be ignored, and would pin a name that may not have TLS yet
      expect(res.headers.get('strict-transport-security')).toBeNull();
    });
  }

  it("gives the web UI's page a fresh style nonce each time, the one its CSP names", async () => {
    const nonces = [];
    for (const path of ['/', '/billing/licenses', '/index.html']) {
      const res = await send(app.url + path, 'GET');
      const styleNonce = directives(res.headers.get('content-security-policy')).get('style-src')![1]!.slice(7, -1);
      expect(res.text).toContain(`<meta property="csp-nonce" nonce="${styleNonce}">`);
      nonces.push(styleNonce);
    }
    expect(new Set(nonces).size).toBe(3);
  });

  it('adds HSTS when the request came over TLS through a trusted proxy', async () => {
    const proxied = await startTestApp({ env: { TRUST_PROXY: '127.0.0.1' } });
    try {
      const tls = await send(`${proxied.url}/api/me`, 'GET', undefined, { 'x-forwarded-proto': 'https' });
      expect(tls.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
      const plain = await send(`${proxied.url}/api/me`, 'GET');
      expect(plain.headers.get('strict-transport-security')).toBeNull();
    } finally {
      await proxied.close();
    }
  });
});
