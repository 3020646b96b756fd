import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../services/deps.js';
import { adminOwner } from '../../services/webhooks/owner.js';
import { actorOf } from '../auth.js';
import { registerWebhookRoutes } from './webhook-endpoints.js';

/** Settings > Webhooks: an admin's endpoints for their organization's events. */
export const webhookRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  registerWebhookRoutes(app, deps, {
    base: '/api/admin/webhooks',
    params: {},
    tags: ['webhooks'],
    who: 'for your organization',
    owner: async (request) => adminOwner(actorOf(request)),
  });
};
