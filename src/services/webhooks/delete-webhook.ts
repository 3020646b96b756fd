import type { Deps } from '../deps.js';
import { deleteEndpoint } from '../../db/webhooks.js';
import { notFound } from '../../domain/errors.js';
import { auditWebhook, type WebhookOwner } from './owner.js';

/** Removes the endpoint with its queue and delivery log: nothing more is sent to it. */
export async function deleteWebhook(deps: Deps, owner: WebhookOwner, id: string): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    if (!(await deleteEndpoint(tx, owner.orgId, id))) throw notFound('The webhook endpoint');
    await auditWebhook(tx, now, owner, 'deleted', id);
  });
}
