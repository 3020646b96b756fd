import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startTestApp, send } from '../helpers/app.js';

// Behind a reverse proxy, the client address that sign-in throttling counts comes from
// X-Forwarded-For: only the hops our own proxies added may be believed.
describe('TRUST_PROXY', () => {
  it('takes a hop count or the proxies’ addresses, and refuses "true"', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.5, 10.1.0.0/16,::1' }).trustProxy).toEqual([
      '10.0.0.5',
      '10.1.0.0/16',
      '::1',
    ]);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
  });

  // the test's requests come from 127.0.0.1, standing for the proxy; the client wrote the left part
  for (const setting of ['127.0.0.1', '1']) {
    it(`with TRUST_PROXY=${setting}, throttles a client that rotates X-Forwarded-For, and only that client`, async () => {
      const app = await startTestApp({ env: { TRUST_PROXY: setting } });
      try {
        const signIn = (client: string, forged: string) =>
          send(
            `${app.url}/api/session`,
            'POST',
            { email: `${forged}@contoso.example`, password: 'x' },
            {
              'x-forwarded-for': `${forged}, ${client}`,
            },
          );
        const statuses: number[] = [];
        for (let i = 0; i < 32; i++) statuses.push((await signIn('203.0.113.7', `10.9.${i}.1`)).status);
        expect(statuses.filter((s) => s === 401)).toHaveLength(30);
        expect(statuses.slice(30)).toEqual([429, 429]);
        // another client behind the same proxy still has its own tries
        expect((await signIn('203.0.113.8', '10.9.0.1')).status).toBe(401);
      } finally {
        await app.close();
      }
    });
  }
});
