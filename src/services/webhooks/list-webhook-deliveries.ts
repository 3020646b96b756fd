import type { Deps } from '../deps.js';
import { listAttempts } from '../../db/webhooks.js';
import { decodeCursor, encodeCursor, isUuid } from '../../domain/cursor.js';
import { isInstant } from '../../domain/storable.js';
import { endpointOf, type WebhookOwner } from './owner.js';

/** An endpoint's delivery log, newest attempt first: status, latency and the start of the answer. */
export async function listWebhookDeliveries(
  deps: Deps,
  { owner, id, page }: { owner: WebhookOwner; id: string; page: { limit: number; cursor?: string | undefined } },
) {
  await endpointOf(deps.db, owner, id);
  const before = decodeCursor<{ at: string; id: string }>(page.cursor, (k) => isInstant(k.at) && isUuid(k.id));
  const rows = await listAttempts(deps.db, owner.orgId, id, { before, limit: page.limit + 1 });
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor:
      rows.length > page.limit && last
        ? encodeCursor({ at: new Date(last.attemptedAt).toISOString(), id: last.id })
        : null,
  };
}
