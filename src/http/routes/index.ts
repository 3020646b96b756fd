import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../services/deps.js';
import { sessionRoutes } from './session.js';
import { tokenRoutes } from './tokens.js';
import { peopleRoutes } from './people.js';
import { productRoutes } from './products.js';
import { subscriptionRoutes } from './subscriptions.js';
import { adminRoutes } from './admin.js';
import { licenseRoutes } from './licenses.js';
import { graphRoutes } from './graph.js';
import { appRoutes } from './apps.js';
import { billingRoutes } from './billing.js';
import { invoiceRoutes } from './invoices.js';
import { notificationRoutes } from './notifications.js';
import { healthRoutes } from './health.js';
import { operatorRoutes } from './operator.js';
import { ssoRoutes } from './sso.js';
import { scimRoutes } from './scim.js';
import { webhookRoutes } from './webhooks.js';
import { operatorWebhookRoutes } from './operator-webhooks.js';
import { operatorProductRoutes } from './operator-products.js';

/** Every route group of the API, registered in this order. */
export const routeGroups: FastifyPluginAsyncTypebox<{ deps: Deps }>[] = [
  sessionRoutes,
  tokenRoutes,
  peopleRoutes,
  productRoutes,
  subscriptionRoutes,
  licenseRoutes,
  graphRoutes,
  appRoutes,
  billingRoutes,
  invoiceRoutes,
  adminRoutes,
  notificationRoutes,
  healthRoutes,
  operatorRoutes,
  ssoRoutes,
  scimRoutes,
  webhookRoutes,
  operatorWebhookRoutes,
  operatorProductRoutes,
];
