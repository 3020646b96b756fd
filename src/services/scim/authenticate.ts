import type { Deps } from '../deps.js';
import { useScimToken } from '../../db/scim-tokens.js';
import { ScimError } from '../../domain/scim.js';
import { hashSecret } from '../auth/tokens.js';

/** The provisioning client calling: the organization its token provisions. */
export interface ScimCaller {
  orgId: string;
  tokenName: string;
  /** where the resources live, for meta.location */
  baseUrl: string;
}

export async function authenticateScim(
  deps: Deps,
  authorization: string | undefined,
  baseUrl: string,
): Promise<ScimCaller> {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  const found = token && (await useScimToken(deps.db, hashSecret(token), deps.clock.now()));
  if (!found)
    throw new ScimError(
      401,
      undefined,
      'Present a provisioning token of the organization as "Authorization: Bearer <token>".',
    );
  return { orgId: found.orgId, tokenName: found.name, baseUrl };
}

/** Audit details of a change made by provisioning. */
export const viaScim = (caller: ScimCaller) => ({ via: 'scim', token: caller.tokenName });
