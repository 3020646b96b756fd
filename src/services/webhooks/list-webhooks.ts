import type { Deps } from '../deps.js';
import { listEndpoints } from '../../db/webhooks.js';
import type { WebhookOwner } from './owner.js';

export async function listWebhooks(deps: Deps, owner: WebhookOwner) {
  return { items: await listEndpoints(deps.db, owner.orgId) };
}
