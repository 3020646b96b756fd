import type { Deps } from '../deps.js';
import { insertEndpoint } from '../../db/webhooks.js';
import { auditWebhook, newSecret, type WebhookOwner } from './owner.js';
import { checkEndpointUrl } from './destination.js';
import type { WebhookEventType } from './event-types.js';

export interface NewWebhook {
  url: string;
  events: WebhookEventType[];
  description?: string;
}

/** Registers an endpoint; its signing secret is returned this once. */
export async function createWebhook(deps: Deps, owner: WebhookOwner, input: NewWebhook) {
  const url = checkEndpointUrl(input.url, deps.webhooks?.allowPrivate ?? false);
  const secret = newSecret();
  const now = deps.clock.now();
  const endpoint = await deps.db.transaction(async (tx) => {
    const created = await insertEndpoint(
      tx,
      {
        orgId: owner.orgId,
        url,
        description: input.description?.trim() ?? '',
        events: [...new Set(input.events)],
        secret,
        createdBy: owner.actorId,
      },
      now,
    );
    await auditWebhook(tx, now, owner, 'created', created.id, { url, events: created.events });
    return created;
  });
  return { ...endpoint, secret };
}
