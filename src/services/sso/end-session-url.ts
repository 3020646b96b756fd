import * as oidc from 'openid-client';
import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { findIdentityProvider } from '../../db/identity-providers.js';
import { findPerson } from '../../db/people.js';
import { providerConfiguration } from './provider-configuration.js';
import { signsInWithProvider } from './signs-in-with-provider.js';

/** Where to also sign out of the identity provider (RP-initiated logout), for people who signed in there. */
export async function endSessionUrl(deps: Deps, actor: Actor, publicUrl: string): Promise<string | null> {
  const person = await findPerson(deps.db, actor.orgId, actor.personId);
  if (!person || !(await signsInWithProvider(deps.db, actor.orgId, person.email))) return null;
  const provider = (await findIdentityProvider(deps.db, actor.orgId))!;
  const config = await providerConfiguration(deps, provider).catch(() => undefined);
  if (!config?.serverMetadata().end_session_endpoint) return null;
  return oidc.buildEndSessionUrl(config, {
    client_id: provider.clientId,
    post_logout_redirect_uri: `${publicUrl}/signin`,
  }).href;
}
