import type { Deps } from '../deps.js';
import { findCardsExpiring, lockOutbox, markEmailed } from '../../db/notifications.js';
import { notify } from './notify.js';
import { mailFor } from './messages.js';
import { defaultLocaleFor } from '../../domain/locale.js';

/** Reminds the owner of a card that pays for something, once, in the 30 days before it expires. */
export async function notifyExpiringCards(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  let n = 0;
  for (const card of await findCardsExpiring(deps.db, now, 30)) {
    await notify(deps.db, now, {
      orgId: card.orgId,
      personId: card.ownerId,
      kind: 'card_expiring',
      payload: {
        paymentMethodId: card.id,
        brand: card.brand,
        last4: card.last4,
        expMonth: card.expMonth,
        expYear: card.expYear,
      },
      dedupeKey: `card_expiring:${card.id}:${card.expYear}-${card.expMonth}`,
    });
    n++;
  }
  return n;
}

/**
 * Sends the e-mails of new notifications (the outbox). Rows are locked while sent, so two
 * servers never send one twice; a failed send stays in the outbox for the next run. Without
 * a mail server they are only shown in the app.
 */
export async function sendNotificationEmails(deps: Deps, batch = 50): Promise<number> {
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    let sent = 0;
    for (const n of await lockOutbox(tx, batch)) {
      if (deps.mailer) {
        try {
          const language = n.language ?? defaultLocaleFor(n.orgCountry);
          await deps.mailer.send({ to: n.email, language, ...mailFor(n.kind, n.payload, n.displayName, language) });
          sent++;
        } catch {
          continue;
        }
      }
      await markEmailed(tx, n.orgId, n.id, now);
    }
    return sent;
  });
}
