import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { countUnread, listNotifications, markRead } from '../../db/notifications.js';

/** The person's notifications, newest first, with how many are unread (the badge). */
export async function getNotifications(deps: Deps, actor: Actor) {
  const [items, unread] = await Promise.all([
    listNotifications(deps.db, actor.orgId, actor.personId),
    countUnread(deps.db, actor.orgId, actor.personId),
  ]);
  return { items, unread };
}

export async function readNotifications(deps: Deps, actor: Actor, id: string | null) {
  await markRead(deps.db, actor.orgId, actor.personId, id, deps.clock.now());
  return getNotifications(deps, actor);
}
