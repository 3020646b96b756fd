import type { Deps } from '../deps.js';
import { updateEndpoint, type EndpointChanges } from '../../db/webhooks.js';
import { notFound } from '../../domain/errors.js';
import { auditWebhook, type WebhookOwner } from './owner.js';
import { checkEndpointUrl } from './destination.js';

/** Changes the URL, events or description, or turns the endpoint off and on (on again, what waited is sent). */
export async function updateWebhook(
  deps: Deps,
  { owner, id, changes }: { owner: WebhookOwner; id: string; changes: EndpointChanges },
) {
  const url =
    changes.url === undefined ? undefined : checkEndpointUrl(changes.url, deps.webhooks?.allowPrivate ?? false);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const updated = await updateEndpoint(
      tx,
      owner.orgId,
      id,
      {
        ...changes,
        url,
        events: changes.events && [...new Set(changes.events)],
        description: changes.description?.trim(),
      },
      now,
    );
    if (!updated) throw notFound('The webhook endpoint');
    await auditWebhook(tx, now, owner, 'updated', id, { fields: Object.keys(changes) });
    return updated;
  });
}
