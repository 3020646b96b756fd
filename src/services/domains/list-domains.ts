import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { listDomains as query } from '../../db/domains.js';
import { requireAdminReader } from '../admin/access.js';
import { domainView } from './claims.js';

export async function listDomains(deps: Deps, actor: Actor) {
  requireAdminReader(actor);
  return (await query(deps.db, actor.orgId)).map(domainView);
}
