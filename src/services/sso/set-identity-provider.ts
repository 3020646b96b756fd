import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { AppError } from '../../domain/errors.js';
import { findIdentityProvider, upsertIdentityProvider } from '../../db/identity-providers.js';
import { recordAuditBy } from '../audit.js';
import { requireUserAdmin } from '../people/access.js';
import { providerConfiguration } from './provider-configuration.js';
import { view } from './identity-provider-view.js';

/**
 * An admin connects the organization's OpenID provider. Its discovery document is read first,
 * so a wrong issuer is refused now rather than at someone's sign-in. The secret is kept and
 * never shown back; leaving it out keeps the one set before.
 */
export async function setIdentityProvider(
  deps: Deps,
  {
    actor,
    input,
    publicUrl,
  }: {
    actor: Actor;
    input: { issuer: string; clientId: string; clientSecret?: string; jitProvisioning?: boolean };
    publicUrl: string;
  },
) {
  requireUserAdmin(actor);
  const issuer = input.issuer.trim().replace(/\/$/, '');
  const existing = await findIdentityProvider(deps.db, actor.orgId);
  const clientSecret = input.clientSecret ?? existing?.clientSecret;
  if (!clientSecret)
    throw new AppError('client_secret_required', 'Give the client secret the provider issued for Selfserve.');
  await providerConfiguration(deps, { issuer, clientId: input.clientId, clientSecret });
  const now = deps.clock.now();
  const saved = await deps.db.transaction(async (tx) => {
    const row = await upsertIdentityProvider(
      tx,
      {
        orgId: actor.orgId,
        issuer,
        clientId: input.clientId,
        clientSecret,
        jitProvisioning: input.jitProvisioning ?? false,
      },
      now,
    );
    await recordAuditBy(tx, now, actor, {
      action: 'identity_provider.set',
      objectType: 'identity_provider',
      objectId: actor.orgId,
      details: {
        issuer,
        clientId: input.clientId,
        jitProvisioning: row.jitProvisioning,
        secretChanged: input.clientSecret !== undefined,
      },
    });
    return row;
  });
  return view(saved, publicUrl);
}
