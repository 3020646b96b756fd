import type { Database } from '../db/database.js';
import type { Clock } from '../domain/clock.js';
import type { PaymentGateway } from '../gateway/gateway.js';
import type { Mailer } from './notifications/mailer.js';
import type { CredentialCache } from './auth/credential-cache.js';
import type { Seller } from './invoices/seller.js';
import type { ProviderCache } from './sso/provider-cache.js';

/** What every use case is given: passed in, never imported, so tests run them on any database. */
export interface Deps {
  db: Database;
  clock: Clock;
  gateway: PaymentGateway;
  /** set when SMTP_URL is: notifications are then e-mailed too */
  mailer?: Mailer | undefined;
  /** credentials checked lately (no database round trip per request); unset: every request asks the database */
  credentials?: CredentialCache;
  /** the operator API's bearer token; unset: the operator API answers 404 */
  operatorToken?: string | undefined;
  /** OpenID providers' discovery documents and signing keys, kept a while; unset: read at every sign-in */
  providers?: ProviderCache;
  /** DNS servers for domain verification ("host" or "host:port"); unset: the system's */
  dnsServers?: string[] | undefined;
  /** the operator's legal identity, printed on invoices */
  seller: Seller;
  /** where people reach the portal (links in e-mails, Graph's @odata links, single sign-on redirects); unset: the address the server answered on (src/http/public-url.ts) */
  publicUrl?: string | undefined;
  /** webhook delivery settings; unset: private and loopback addresses are refused */
  webhooks?: { allowPrivate: boolean };
}
