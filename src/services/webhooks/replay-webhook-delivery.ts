import type { Deps } from '../deps.js';
import { requeueMessage } from '../../db/webhooks.js';
import { notFound } from '../../domain/errors.js';
import { auditWebhook, endpointOf, type WebhookOwner } from './owner.js';

/** Sends an event again to the endpoint, with its original webhook-id (receivers that saw it can tell). */
export async function replayWebhookDelivery(
  deps: Deps,
  { owner, id, eventId }: { owner: WebhookOwner; id: string; eventId: string },
): Promise<void> {
  await endpointOf(deps.db, owner, id);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    if (!(await requeueMessage(tx, owner.orgId, id, eventId))) throw notFound('The event');
    await auditWebhook(tx, now, owner, 'replayed', id, { eventId });
  });
}
