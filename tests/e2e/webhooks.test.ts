import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInPage, useAppAndBrowser } from '../helpers/browser.js';
import { signIn } from '../helpers/app.js';
import { startWebhookReceiver } from '../helpers/webhook-receiver.js';
import { deliverDueWebhooks } from '../../src/services/webhooks/deliver.js';

const ctx = useAppAndBrowser();
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  // the receiver listens on this machine: the operator allows it, as SELFSERVE_WEBHOOKS_ALLOW_PRIVATE does
  ctx.app.deps.webhooks = { allowPrivate: true };
});
afterAll(() => receiver?.close());

describe('Settings > Webhooks', () => {
  it('adds an endpoint, shows its secret once, and its delivery log with a replay (in French)', async () => {
    const page = await signedInPage(ctx.browser, ctx.app.url, 'admin@contoso.example', 'fr-FR');
    await page.getByRole('navigation').getByRole('link', { name: 'Webhooks' }).click();
    await page.getByRole('heading', { name: 'Paramètres › Webhooks' }).waitFor();
    await page.getByLabel('URL du point de terminaison').fill(receiver.url);
    await page.getByRole('button', { name: 'Ajouter un point de terminaison' }).click();
    const secret = await page.getByRole('textbox', { name: 'Secret de signature' }).inputValue();
    expect(secret).toMatch(/^whsec_/);
    receiver.setSecrets([secret]);
    await page.getByRole('row').filter({ hasText: receiver.url }).getByText('Activé').waitFor();

    // a change in the directory reaches the receiver, signed
    const admin = await signIn(ctx.app.url, 'admin@contoso.example');
    const [megan] = await ctx.app.deps.db.query<{ id: string }>(
      "SELECT id FROM people WHERE email = 'megan@contoso.example'",
    );
    expect((await admin.patch(`/api/people/${megan!.id}`, { displayName: 'Megan B.' })).status).toBe(200);
    while ((await deliverDueWebhooks(ctx.app.deps)) > 0);
    expect(receiver.accepted().map((a) => [a.type, a.verified])).toContainEqual(['person.updated', true]);

    await page.goto('/admin/webhooks');
    await page
      .getByRole('row')
      .filter({ hasText: receiver.url })
      .getByRole('button', { name: 'Journal des livraisons' })
      .click();
    const log = page.getByRole('region', { name: `Journal des livraisons de ${receiver.url}` });
    const row = log.getByRole('row').filter({ hasText: 'person.updated' }).first();
    await row.getByText('Livré').waitFor();
    expect(await row.textContent()).toContain('204');
    await row.getByRole('button', { name: 'Renvoyer' }).click();
    await log.getByText("L'événement va être renvoyé dans un instant.").waitFor();
    await page.context().close();
  });

  it('rotates the secret and turns the endpoint off (in English)', async () => {
    const page = await signedInPage(ctx.browser, ctx.app.url, 'admin@contoso.example', 'en-US');
    await page.goto('/admin/webhooks');
    const row = page.getByRole('row').filter({ hasText: receiver.url });
    await row.getByRole('button', { name: 'Rotate secret' }).click();
    await page.getByText(/New signing secret \(shown only this once\)\. The old one also signs until/).waitFor();
    await row.getByRole('button', { name: 'Turn off' }).click();
    await row.getByText('Off', { exact: true }).waitFor();
    await page.context().close();
  });
});
