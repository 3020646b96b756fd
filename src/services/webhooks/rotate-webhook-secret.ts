import type { Deps } from '../deps.js';
import { rotateSecret } from '../../db/webhooks.js';
import { notFound } from '../../domain/errors.js';
import { auditWebhook, newSecret, type WebhookOwner } from './owner.js';

/** How long the old secret keeps signing beside the new one, for receivers to switch over. */
export const SECRET_OVERLAP_HOURS = 24;

/** A new signing secret (returned this once); messages carry both signatures until the overlap ends. */
export async function rotateWebhookSecret(deps: Deps, owner: WebhookOwner, id: string) {
  const secret = newSecret();
  const now = deps.clock.now();
  const endpoint = await deps.db.transaction(async (tx) => {
    const rotated = await rotateSecret(
      tx,
      owner.orgId,
      id,
      secret,
      new Date(now.getTime() + SECRET_OVERLAP_HOURS * 3_600_000),
      now,
    );
    if (!rotated) throw notFound('The webhook endpoint');
    await auditWebhook(tx, now, owner, 'secret_rotated', id);
    return rotated;
  });
  return { ...endpoint, secret };
}
