import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { notFound } from '../../domain/errors.js';
import { findIdentityProvider } from '../../db/identity-providers.js';
import { requireAdminReader } from '../admin/access.js';
import { view } from './identity-provider-view.js';

export async function getIdentityProvider(deps: Deps, actor: Actor, publicUrl: string) {
  requireAdminReader(actor);
  const provider = await findIdentityProvider(deps.db, actor.orgId);
  if (!provider) throw notFound('The identity provider');
  return view(provider, publicUrl);
}
