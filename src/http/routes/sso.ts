import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../services/deps.js';
import { listDomains } from '../../services/domains/list-domains.js';
import { claimDomain } from '../../services/domains/claim-domain.js';
import { verifyDomain } from '../../services/domains/verify-domain.js';
import { removeDomain } from '../../services/domains/remove-domain.js';
import { acceptInvitation, describeInvitation } from '../../services/people/accept-invitation.js';
import { discoverSignIn } from '../../services/sso/discover-sign-in.js';
import { startSignIn, SSO_REQUEST_MS } from '../../services/sso/start-sign-in.js';
import { finishSignIn, SsoRefusal } from '../../services/sso/finish-sign-in.js';
import { endSessionUrl } from '../../services/sso/end-session-url.js';
import { getIdentityProvider } from '../../services/sso/get-identity-provider.js';
import { removeIdentityProvider } from '../../services/sso/remove-identity-provider.js';
import { setIdentityProvider } from '../../services/sso/set-identity-provider.js';
import { AppError } from '../../domain/errors.js';
import { actorOf, endSession, setSessionCookie } from '../auth.js';
import { publicUrlOf } from '../public-url.js';
import { listRoute } from '../route-kinds.js';
import { DateTime, Nullable, problems, redirect, ref } from '../schemas.js';

/** Binds an authorization request to the browser that started it (login CSRF). */
const STATE_COOKIE = 'selfserve_sso_state';
export const IdentityProvider = Type.Object(
  {
    issuer: Type.String(),
    clientId: Type.String(),
    jitProvisioning: Type.Boolean(),
    hasClientSecret: Type.Boolean(),
    redirectUri: Type.String({ description: 'register this redirect URI at the provider' }),
    updatedAt: DateTime,
  },
  { $id: 'IdentityProvider' },
);

export const Domain = Type.Object(
  {
    domain: Type.String(),
    verified: Type.Boolean(),
    verifiedAt: Nullable(DateTime),
    verifiedBy: Nullable(Type.Union([Type.Literal('operator'), Type.Literal('dns')])),
    txtRecord: Type.Object(
      { name: Type.String(), value: Type.String() },
      { description: 'publish this TXT record at the domain to verify it' },
    ),
  },
  { $id: 'Domain' },
);
const DomainParams = Type.Object({ domain: Type.String({ minLength: 1, maxLength: 253 }) });
const InvitationToken = Type.String({ minLength: 20, maxLength: 100 });

/** Signing in: invitation links, e-mail domains, single sign-on. */
export const ssoRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.post(
    '/api/invitations/lookup',
    {
      config: { public: true },
      schema: {
        tags: ['sign-in'],
        summary: 'Whom a one-time invitation or password link is for',
        body: Type.Object({ token: InvitationToken }),
        response: {
          200: Type.Object({
            email: Type.String(),
            displayName: Type.String(),
            organizationName: Type.String(),
            purpose: Type.Union([Type.Literal('invitation'), Type.Literal('password_reset')]),
          }),
          ...problems(400),
        },
      },
    },
    async (request) => describeInvitation(deps, request.body.token),
  );

  app.post(
    '/api/invitations/accept',
    {
      config: { public: true },
      schema: {
        tags: ['sign-in'],
        summary:
          'Choose a password with a one-time link: signs in (sets the session cookie); the link then stops working',
        body: Type.Object({ token: InvitationToken, password: Type.String({ minLength: 10, maxLength: 1024 }) }),
        response: { 204: Type.Null(), ...problems(400) },
      },
    },
    async (request, reply) => {
      const { token } = await acceptInvitation(deps, request.body);
      setSessionCookie(reply, token);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/sign-in/discover',
    {
      config: { public: true },
      schema: {
        tags: ['sign-in'],
        summary:
          "E-mail first: whether this address signs in with a password or through its organization's identity provider",
        body: Type.Object({ email: Type.String({ minLength: 3, maxLength: 320 }) }),
        response: {
          200: Type.Object({
            method: Type.Union([Type.Literal('password'), Type.Literal('sso')]),
            url: Type.Optional(Type.String({ description: 'open this address to sign in' })),
          }),
          ...problems(400),
        },
      },
    },
    async (request) => discoverSignIn(deps, request.body.email),
  );

  app.get(
    '/api/sso/start',
    {
      config: { public: true },
      schema: {
        tags: ['sign-in'],
        summary: 'Go to the identity provider (a browser navigation)',
        querystring: Type.Object({ email: Type.String({ minLength: 3, maxLength: 320 }) }),
        response: redirect('To the identity provider, or back to /signin?sso_error=<code>'),
      },
    },
    async (request, reply) => {
      let location: string;
      try {
        const { redirectTo, state } = await startSignIn(deps, request.query.email, publicUrlOf(deps, request));
        reply.setCookie(STATE_COOKIE, state, {
          path: '/api/sso',
          httpOnly: true,
          sameSite: 'lax',
          secure: 'auto',
          maxAge: SSO_REQUEST_MS / 1000,
        });
        location = redirectTo;
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        request.log.warn({ code: err.code, detail: err.message }, 'single sign-on could not start');
        location = `/signin?${new URLSearchParams({ sso_error: err.code })}`;
      }
      return reply.redirect(location);
    },
  );

  app.get(
    '/api/sso/callback',
    {
      config: { public: true },
      schema: {
        tags: ['sign-in'],
        summary: 'Where the identity provider sends the person back (register it as the redirect URI)',
        response: redirect('Signed in, to the portal; or back to /signin?sso_error=<code>'),
      },
    },
    async (request, reply) => {
      reply.clearCookie(STATE_COOKIE, { path: '/api/sso' });
      let location = '/';
      try {
        const callbackUrl = new URL(request.url, publicUrlOf(deps, request));
        const { token } = await finishSignIn(deps, { callbackUrl, browserState: request.cookies[STATE_COOKIE] });
        setSessionCookie(reply, token);
      } catch (err) {
        if (!(err instanceof SsoRefusal || err instanceof AppError)) throw err;
        request.log.warn({ code: err.code, detail: err.message }, 'single sign-on refused');
        location = `/signin?${new URLSearchParams({ sso_error: err.code })}`;
      }
      return reply.redirect(location);
    },
  );

  app.post(
    '/api/sso/sign-out',
    {
      schema: {
        tags: ['sign-in'],
        summary:
          "Sign out here; answers the identity provider's sign-out address to offer, if the person signed in there",
        response: { 200: Type.Object({ endSessionUrl: Nullable(Type.String()) }), ...problems(401, 403) },
      },
    },
    async (request, reply) => {
      const url = await endSessionUrl(deps, actorOf(request), publicUrlOf(deps, request));
      await endSession(deps, request, reply);
      return { endSessionUrl: url };
    },
  );

  const admin = { tags: ['admin'] };
  app.get(
    '/api/admin/identity-provider',
    {
      schema: {
        ...admin,
        summary: "The organization's OpenID Connect provider (never its secret)",
        response: { 200: ref(IdentityProvider), ...problems(401, 403, 404) },
      },
    },
    async (request) => getIdentityProvider(deps, actorOf(request), publicUrlOf(deps, request)),
  );

  app.put(
    '/api/admin/identity-provider',
    {
      schema: {
        ...admin,
        summary:
          'Connect an OpenID Connect provider (Entra ID, Okta, Google, Keycloak...); returns the redirect URI to register there',
        body: Type.Object({
          issuer: Type.String({ format: 'uri', maxLength: 500 }),
          clientId: Type.String({ minLength: 1, maxLength: 500 }),
          clientSecret: Type.Optional(
            Type.String({ minLength: 1, maxLength: 2000, description: 'left out: the one set before stays' }),
          ),
          jitProvisioning: Type.Optional(
            Type.Boolean({ description: 'create people unknown here at their first sign-in' }),
          ),
        }),
        response: { 200: ref(IdentityProvider), ...problems(400, 401, 403) },
      },
    },
    async (request) =>
      setIdentityProvider(deps, {
        actor: actorOf(request),
        input: request.body,
        publicUrl: publicUrlOf(deps, request),
      }),
  );

  app.delete(
    '/api/admin/identity-provider',
    {
      schema: {
        ...admin,
        summary: 'Disconnect the provider',
        response: { 204: Type.Null(), ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await removeIdentityProvider(deps, actorOf(request));
      return reply.code(204).send(null);
    },
  );

  listRoute(
    app,
    '/api/admin/domains',
    ref(Domain),
    { ...admin, summary: "The organization's e-mail domains", problems: [401, 403] },
    async (request) => ({ items: await listDomains(deps, actorOf(request)) }),
  );

  app.post(
    '/api/admin/domains',
    {
      schema: {
        ...admin,
        summary: 'Claim an e-mail domain; publish the TXT record returned, then verify it',
        body: Type.Object({ domain: Type.String({ minLength: 1, maxLength: 253 }) }),
        response: { 201: ref(Domain), ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => reply.code(201).send(await claimDomain(deps, actorOf(request), request.body)),
  );

  app.post(
    '/api/admin/domains/:domain/verify',
    {
      schema: {
        ...admin,
        summary: 'Verify a claimed domain by its DNS TXT record',
        params: DomainParams,
        response: { 200: ref(Domain), ...problems(401, 403, 404, 409, 422, 503) },
      },
    },
    async (request) => verifyDomain(deps, actorOf(request), request.params),
  );

  app.delete(
    '/api/admin/domains/:domain',
    {
      schema: {
        ...admin,
        summary: 'Give up a domain',
        params: DomainParams,
        response: { 204: Type.Null(), ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await removeDomain(deps, actorOf(request), request.params);
      return reply.code(204).send(null);
    },
  );
};
