import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../helpers/app.js';

// The directory finds people as one types any of their names: the start of the name, of any word
// of it (a surname), or of the email, whatever the accents and the case.
const engines = process.env.DATABASE_URL ? (['postgres', 'pglite'] as const) : (['pglite'] as const);

describe.each(engines)('people search on %s', (engine) => {
  let app: TestApp;
  let adele: Client;
  beforeAll(async () => {
    app = await startTestApp({ engine });
    adele = await app.signIn('adele@contoso.example');
  });
  afterAll(() => app?.close());

  const names = async (search: string) =>
    (
      (await adele.get(`/api/people?search=${encodeURIComponent(search)}&limit=50`)).body.items as {
        displayName: string;
      }[]
    ).map((p) => p.displayName);

  it('finds people by surname, by the start of any word, accents or not', async () => {
    expect(await names('Wilber')).toEqual(['Alex Wilber']);
    expect(await names('durand')).toEqual(['Hélène Durand']);
    expect(await names('helene')).toEqual(['Hélène Durand']);
    expect(await names('DUR')).toEqual(['Hélène Durand']);
    expect(await names('garc')).toEqual(['Raphaël Garcia']);
  });

  it("still finds by the start of the whole name and of the email, and only in the caller's organization", async () => {
    expect(await names('adèle va')).toEqual(['Adèle Vance']);
    expect(await names('nestor.wilke@')).toEqual(['Nestor Wilke']);
    // Fabrikam has an "Adele Vance" too, never shown to Contoso
    expect(await names('vance')).toEqual(['Adèle Vance']);
  });

  it('finds a person renamed by the new name only', async () => {
    const admin = await app.signIn('admin@contoso.example');
    const [zoe] = (await admin.get('/api/people?search=zoe')).body.items as { id: string }[];
    expect((await admin.patch(`/api/people/${zoe!.id}`, { displayName: 'Zoé Kowalczyk' })).status).toBe(200);
    expect(await names('kowal')).toEqual(['Zoé Kowalczyk']);
    expect(await names('simon')).toEqual([]);
  });
});
