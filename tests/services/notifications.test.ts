import { describe, expect, it } from 'vitest';
import { useTestApp, START, type Client } from '../helpers/app.js';
import { buy, card } from '../helpers/commerce.js';
import { useMailSink } from '../helpers/mail-sink.js';
import { runJobsOnce } from '../../src/services/jobs/run-jobs.js';
import { smtpMailer } from '../../src/services/notifications/mailer.js';

// A local SMTP sink stands for the mail server: what nodemailer sends arrives there.
const t = useTestApp();
const sink = useMailSink(t);

async function signInAt(at: string): Promise<Client> {
  t.app.clock.set(at);
  return t.app.signIn('adele@contoso.example');
}

describe('notifications', () => {
  it('tells the buyer in the app and by e-mail when a renewal fails, once per term', async () => {
    let adele = await signInAt(START);
    const sub = (await buy(adele, { quantity: 1, term: 'monthly' })).body;
    await t.app.deps.db.query(`UPDATE gateway.cards SET outcome = 'insufficient_funds' WHERE last4 = '4242'`);
    try {
      adele = await signInAt('2026-04-02T09:00:00Z');
      const run = await runJobsOnce(t.app.deps);
      expect(run.emailed).toBeGreaterThanOrEqual(1);
      await signInAt('2026-04-03T10:00:00Z');
      await runJobsOnce(t.app.deps); // a failed retry tells nobody again
    } finally {
      await t.app.deps.db.query(`UPDATE gateway.cards SET outcome = 'ok' WHERE last4 = '4242'`);
    }
    adele = await t.app.signIn('adele@contoso.example');
    const inbox = (await adele.get('/api/notifications')).body;
    const failed = inbox.items.filter(
      (n: { kind: string; payload: { subscriptionId: string } }) =>
        n.kind === 'renewal_failed' && n.payload.subscriptionId === sub.id,
    );
    expect(failed).toHaveLength(1);
    expect(failed[0].payload).toMatchObject({ product: 'Power BI Pro', failureCode: 'insufficient_funds' });
    // Adèle works in France and chose no language: French only
    const mail = sink.received.find((m) => m.subject === 'Le renouvellement de Power BI Pro a échoué');
    expect(mail?.to).toBe('adele@contoso.example');
    expect(mail?.text).toContain("Nous n'avons pas pu débiter votre carte pour le renouvellement de Power BI Pro");
    expect(mail?.text).not.toContain('We could not charge your card');
  });

  it('reminds the owner of a card that pays for something, once, in the 30 days before it expires', async () => {
    let adele = await signInAt('2026-05-10T09:00:00Z');
    await buy(adele, { quantity: 1, card: { ...card(), expMonth: 6, expYear: 2026 } });
    await runJobsOnce(t.app.deps);
    await signInAt('2026-06-05T09:00:00Z');
    await runJobsOnce(t.app.deps);
    await runJobsOnce(t.app.deps);
    adele = await t.app.signIn('adele@contoso.example');
    const reminders = (await adele.get('/api/notifications')).body.items.filter(
      (n: { kind: string }) => n.kind === 'card_expiring',
    );
    expect(reminders).toHaveLength(1);
    expect(reminders[0].payload).toMatchObject({ last4: '4242', expMonth: 6, expYear: 2026 });
    expect(sink.received.filter((m) => m.subject === 'Votre carte se terminant par 4242 expire bientôt')).toHaveLength(
      1,
    );
  });

  it('keeps an e-mail in the outbox while the mail server is down, and sends it later', async () => {
    const mailer = t.app.deps.mailer;
    t.app.deps.mailer = smtpMailer('smtp://127.0.0.1:1');
    const before = sink.received.length;
    try {
      await t.app.deps.db.query(
        `INSERT INTO notifications (org_id, person_id, kind, payload, created_at)
         SELECT org_id, id, 'take_control', '{"product":"Visio Plan 2","action":"cancel"}', now() FROM people WHERE email = 'megan@contoso.example'`,
      );
      expect((await runJobsOnce(t.app.deps)).emailed).toBe(0);
    } finally {
      t.app.deps.mailer = mailer;
    }
    expect((await runJobsOnce(t.app.deps)).emailed).toBe(1);
    expect(sink.received.slice(before).map((m) => m.to)).toEqual(['megan@contoso.example']);
  });
});
