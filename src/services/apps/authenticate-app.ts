import { errors, jwtVerify } from 'jose';
import type { Deps } from '../deps.js';
import { findAppCredential } from '../../db/apps.js';
import { AppError } from '../../domain/errors.js';
import { isUuid } from '../../domain/cursor.js';
import type { GraphCaller } from '../graph/caller.js';
import { audiencesOf, isLive, issuerOf } from './issue-token.js';
import { SIGNING_ALG, signingKeys } from './signing-key.js';

const refused = (message: string) =>
  new AppError('unauthenticated', message, { graphCode: 'InvalidAuthenticationToken' });

/**
 * The app behind an access token we signed: signature, lifetime, issuer and audience checked,
 * then the app itself, so that a revoked app (or one whose admin left) stops at once.
 */
export async function authenticateApp(deps: Deps, token: string, baseUrl: string): Promise<GraphCaller> {
  const keys = await signingKeys(deps);
  let claims: Record<string, unknown>;
  try {
    ({ payload: claims } = await jwtVerify(token, keys.publicKey, {
      algorithms: [SIGNING_ALG],
      currentDate: deps.clock.now(),
      audience: audiencesOf(baseUrl),
      clockTolerance: 60,
      requiredClaims: ['exp', 'iss', 'tid', 'appid', 'roles'],
    }));
  } catch (err) {
    if (err instanceof errors.JWTExpired) throw refused('Lifetime validation failed, the token is expired.');
    if (err instanceof errors.JWTClaimValidationFailed && err.claim === 'aud')
      throw refused('Access token validation failure. Invalid audience.');
    if (err instanceof errors.JOSEError) throw refused('Access token validation failure.');
    throw err;
  }
  const { tid, appid, iss, roles } = claims;
  if (!isUuid(tid) || !isUuid(appid) || iss !== issuerOf(baseUrl, tid) || !Array.isArray(roles))
    throw refused('Access token validation failure. Invalid issuer.');
  const app = await findAppCredential(deps.db, tid, appid, deps.clock.now());
  if (!app || !isLive(app)) throw refused(`Application '${appid}' is disabled.`);
  return {
    actor: { orgId: app.orgId, personId: app.owner.id, role: app.owner.role },
    app: { id: app.id, name: app.name, roles: roles.filter((r): r is string => typeof r === 'string') },
  };
}
