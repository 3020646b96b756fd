import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { listAuditEvents } from '../../db/admin.js';
import { decodeCursor, encodeCursor } from '../../domain/cursor.js';
import { isInstant } from '../../domain/storable.js';
import type { Table } from '../../domain/csv.js';
import { requireAdminReader } from './access.js';

export interface AuditQuery {
  from?: string;
  to?: string;
  actor?: string;
  action?: string;
  cursor?: string;
  limit: number;
}

/** Who did what, when, on what: newest first, paged. */
export async function listAudit(deps: Deps, { actor, query: q }: { actor: Actor; query: AuditQuery }) {
  requireAdminReader(actor);
  const before = decodeCursor<{ at: string; id: number }>(
    q.cursor,
    (k) => isInstant(k.at) && Number.isSafeInteger(k.id),
  );
  const rows = await listAuditEvents(deps.db, actor.orgId, {
    from: q.from ? new Date(q.from) : undefined,
    to: q.to ? new Date(q.to) : undefined,
    actorId: q.actor,
    action: q.action,
    before,
    limit: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page,
    nextCursor:
      rows.length > q.limit && last ? encodeCursor({ at: new Date(last.at).toISOString(), id: last.id }) : null,
  };
}

/** The audit log as a table to export. */
export async function exportAudit(
  deps: Deps,
  { actor, query }: { actor: Actor; query: Omit<AuditQuery, 'cursor' | 'limit'> },
): Promise<Table> {
  const { items } = await listAudit(deps, { actor, query: { ...query, limit: 10_000 } });
  return {
    name: 'audit',
    columns: [
      { header: { fr: 'Date', en: 'At' }, type: 'instant' },
      { header: { fr: 'Auteur', en: 'Actor' }, type: 'text', labels: { fr: { system: 'système' }, en: {} } },
      { header: { fr: "E-mail de l'auteur", en: 'Actor email' }, type: 'text' },
      { header: { fr: 'Action', en: 'Action' }, type: 'text' },
      { header: { fr: "Type d'objet", en: 'Object type' }, type: 'text' },
      { header: { fr: "Id de l'objet", en: 'Object id' }, type: 'text' },
      { header: { fr: 'Détails', en: 'Details' }, type: 'text' },
    ],
    rows: items.map((e) => [
      e.at,
      e.actor?.displayName ?? 'system',
      e.actor?.email ?? '',
      e.action,
      e.objectType,
      e.objectId,
      JSON.stringify(e.details),
    ]),
  };
}
