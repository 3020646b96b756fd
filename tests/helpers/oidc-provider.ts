import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration } from 'oidc-provider';
import { exportJWK, generateKeyPair, SignJWT, decodeJwt, type CryptoKey } from 'jose';

export interface TestAccount {
  email: string;
  name: string;
  /** Entra ID's tenant and object ids, sent as the tid and oid claims */
  tid?: string;
  oid?: string;
  emailVerified?: boolean;
}

/** How the provider spoils its next ID token, signed with its own key as a real one would be. */
export type Tamper = 'audience' | 'expired' | 'replay' | undefined;

/**
 * A real OpenID Provider (the `oidc-provider` package) on the loopback, with one confidential
 * client. Its development login page takes any login: the login is the account's key in
 * `accounts`. Consent is granted without asking. `tamper` makes the next ID token wrong.
 */
export async function startOidcProvider(opts: {
  redirectUri: string;
  postLogoutRedirectUri: string;
  accounts: Record<string, TestAccount>;
}) {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const state = {
    tamper: undefined as Tamper,
    lastIdToken: undefined as string | undefined,
    previousIdToken: undefined as string | undefined,
  };
  const client = {
    client_id: 'selfserve',
    client_secret: 'selfserve-client-secret-0123456789',
    redirect_uris: [opts.redirectUri],
    post_logout_redirect_uris: [opts.postLogoutRedirectUri],
  };

  const configuration: Configuration = {
    clients: [client],
    jwks: { keys: [jwk] },
    cookies: { keys: ['test-cookie-key-0123456789'] },
    conformIdTokenClaims: false,
    claims: { openid: ['sub', 'tid', 'oid'], email: ['email', 'email_verified'], profile: ['name'] },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    async findAccount(_ctx, id) {
      const account = opts.accounts[id];
      if (!account) return undefined;
      return {
        accountId: id,
        async claims() {
          return {
            sub: id,
            email: account.email,
            email_verified: account.emailVerified ?? true,
            name: account.name,
            ...(account.tid ? { tid: account.tid, oid: account.oid } : {}),
          };
        },
      };
    },
    async loadExistingGrant(ctx) {
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client!.clientId,
        accountId: ctx.oidc.session!.accountId,
      });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  };
  const provider = new Provider(issuer, configuration);

  provider.use(async (ctx, next) => {
    await next();
    if (ctx.path !== '/token' || ctx.status !== 200) return;
    const body = ctx.body as { id_token?: string | undefined };
    if (!body.id_token) return;
    state.previousIdToken = state.lastIdToken;
    state.lastIdToken = body.id_token;
    const tamper = state.tamper;
    state.tamper = undefined;
    if (tamper === 'replay') body.id_token = state.previousIdToken;
    else if (tamper) body.id_token = await resign(privateKey, body.id_token, tamper);
  });
  const handle = provider.callback();
  server.on('request', (req, res) => void handle(req, res));

  return {
    issuer,
    clientId: client.client_id,
    clientSecret: client.client_secret,
    /** spoils the next ID token */
    tamper(how: Tamper) {
      state.tamper = how;
    },
    publicKey,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function resign(key: CryptoKey, idToken: string, how: 'audience' | 'expired'): Promise<string> {
  const claims = decodeJwt(idToken);
  const now = Math.floor(Date.now() / 1000);
  const changed =
    how === 'audience' ? { ...claims, aud: 'another-application' } : { ...claims, iat: now - 7200, exp: now - 3600 };
  return new SignJWT(changed).setProtectedHeader({ alg: 'RS256', kid: 'test-key', typ: 'JWT' }).sign(key);
}
