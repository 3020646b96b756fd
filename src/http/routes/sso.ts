import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../services/deps.js';
import { listDomains } from '../../services/domains/list-domains.js';
import { claimDomain } from '../../services/domains/claim-domain.js';
import { verifyDomain } from '../../services/domains/verify-domain.js';
import { removeDomain } from '../../services/domains/remove-domain.js';
import { acceptInvitation, describeInvitation } from '../../services/people/accept-invitation.js';
import { actorOf, setSessionCookie } from '../auth.js';
import { DateTime, Nullable, problems } from '../schemas.js';

export const Domain = Type.Object({
  domain: Type.String(),
  verified: Type.Boolean(),
  verifiedAt: Nullable(DateTime),
  verifiedBy: Nullable(Type.Union([Type.Literal('operator'), Type.Literal('dns')])),
  txtRecord: Type.Object({ name: Type.String(), value: Type.String() }, { description: 'publish this TXT record at the domain to verify it' }),
});
const DomainParams = Type.Object({ domain: Type.String({ minLength: 1, maxLength: 253 }) });
const InvitationToken = Type.String({ minLength: 20, maxLength: 100 });

/** Signing in: invitation links, e-mail domains, single sign-on. */
export const ssoRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.post('/api/invitations/lookup', {
    config: { public: true },
    schema: {
      tags: ['sign-in'], summary: 'Whom a one-time invitation or password link is for',
      body: Type.Object({ token: InvitationToken }),
      response: {
        200: Type.Object({
          email: Type.String(), displayName: Type.String(), organizationName: Type.String(),
          purpose: Type.Union([Type.Literal('invitation'), Type.Literal('password_reset')]),
        }),
        ...problems(400),
      },
    },
  }, async (request) => describeInvitation(deps, request.body.token));

  app.post('/api/invitations/accept', {
    config: { public: true },
    schema: {
      tags: ['sign-in'], summary: 'Choose a password with a one-time link: signs in (sets the session cookie); the link then stops working',
      body: Type.Object({ token: InvitationToken, password: Type.String({ minLength: 10, maxLength: 1024 }) }),
      response: { 204: Type.Null(), ...problems(400) },
    },
  }, async (request, reply) => {
    const { token } = await acceptInvitation(deps, request.body);
    setSessionCookie(reply, token);
    return reply.code(204).send(null);
  });

  const admin = { tags: ['admin'] };
  app.get('/api/admin/domains', {
    schema: { ...admin, summary: 'The organization\'s e-mail domains', response: { 200: Type.Object({ items: Type.Array(Domain) }), ...problems(401, 403) } },
  }, async (request) => ({ items: await listDomains(deps, actorOf(request)) }));

  app.post('/api/admin/domains', {
    schema: {
      ...admin, summary: 'Claim an e-mail domain; publish the TXT record returned, then verify it',
      body: Type.Object({ domain: Type.String({ minLength: 1, maxLength: 253 }) }),
      response: { 201: Domain, ...problems(400, 401, 403) },
    },
  }, async (request, reply) => reply.code(201).send(await claimDomain(deps, actorOf(request), request.body)));

  app.post('/api/admin/domains/:domain/verify', {
    schema: {
      ...admin, summary: 'Verify a claimed domain by its DNS TXT record', params: DomainParams,
      response: { 200: Domain, ...problems(401, 403, 404, 409, 422, 503) },
    },
  }, async (request) => verifyDomain(deps, actorOf(request), request.params));

  app.delete('/api/admin/domains/:domain', {
    schema: { ...admin, summary: 'Give up a domain', params: DomainParams, response: { 204: Type.Null(), ...problems(401, 403, 404) } },
  }, async (request, reply) => {
    await removeDomain(deps, actorOf(request), request.params);
    return reply.code(204).send(null);
  });
};
