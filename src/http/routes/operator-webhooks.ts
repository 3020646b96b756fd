import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../services/deps.js';
import { operatorOwner } from '../../services/webhooks/owner.js';
import { operatorAuth } from '../operator-auth.js';
import { Uuid } from '../schemas.js';
import { registerWebhookRoutes } from './webhook-endpoints.js';

/** The operator registers and manages webhook endpoints for any organization. */
export const operatorWebhookRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.addHook('onRequest', operatorAuth(deps));
  registerWebhookRoutes(app, deps, {
    base: '/api/operator/organizations/:orgId/webhooks',
    params: { orgId: Uuid },
    tags: ['operator'],
    config: { public: true },
    who: 'for an organization',
    owner: (request) => operatorOwner(deps, (request.params as { orgId: string }).orgId),
  });
};
