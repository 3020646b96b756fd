import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../services/deps.js';
import { Me, sessionRoutes } from './session.js';
import { tokenRoutes } from './tokens.js';
import { Invitation, peopleRoutes, PersonDetail } from './people.js';
import { productRoutes } from './products.js';
import { Subscription, subscriptionRoutes } from './subscriptions.js';
import { adminRoutes, Policy, Purchase } from './admin.js';
import { licenseRoutes } from './licenses.js';
import { GraphOrganization, graphRoutes, GraphUser, LicenseDetails, SelectedSku } from './graph.js';
import { appRoutes, NewApp } from './apps.js';
import { BillingProfile, billingRoutes } from './billing.js';
import { Invoice, invoiceRoutes } from './invoices.js';
import { Inbox, MailLanguage, notificationRoutes } from './notifications.js';
import { healthRoutes } from './health.js';
import { operatorRoutes } from './operator.js';
import { Domain, IdentityProvider, ssoRoutes } from './sso.js';
import { scimRoutes } from './scim.js';
import { webhookRoutes } from './webhooks.js';
import { operatorWebhookRoutes } from './operator-webhooks.js';
import { NewWebhookEndpoint, WebhookDelivery, WebhookEndpoint } from './webhook-endpoints.js';
import {
  Address,
  CardInput,
  GraphError,
  Money,
  PaymentLabel,
  PaymentMethod,
  Person,
  PersonRef,
  Problem,
  ProfileAddress,
  Spend,
} from '../schemas.js';
import { CatalogProduct, operatorProductRoutes } from './operator-products.js';

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

/**
 * Every schema with a $id: the API takes or answers each in several places, and the OpenAPI
 * document names it once (components.schemas); routes refer to it with `ref`.
 */
export const namedSchemas = [
  Problem,
  GraphError,
  Money,
  Spend,
  Person,
  PersonRef,
  Address,
  ProfileAddress,
  CardInput,
  PaymentLabel,
  Me,
  PersonDetail,
  Invitation,
  Subscription,
  Purchase,
  Policy,
  GraphUser,
  GraphOrganization,
  LicenseDetails,
  SelectedSku,
  NewApp,
  PaymentMethod,
  BillingProfile,
  Invoice,
  Inbox,
  MailLanguage,
  Domain,
  IdentityProvider,
  WebhookEndpoint,
  NewWebhookEndpoint,
  WebhookDelivery,
  CatalogProduct,
];
