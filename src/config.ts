import { sellerFromEnv, type Seller } from './services/invoices/seller.js';

/** Settings from the environment, each with a sensible default (see README). */
export interface Config {
  port: number;
  host: string;
  databaseUrl?: string | undefined;
  dataDir: string;
  demoPassword: string;
  smtpUrl?: string | undefined;
  logLevel: string;
  /** the reverse proxies whose X-Forwarded-* headers are believed: their addresses, or how many hops */
  trustProxy: false | number | string[];
  publicUrl?: string | undefined;
  /** how often the server runs renewals, lifecycle and reconciliation; 0 turns them off */
  jobsIntervalSeconds: number;
  /** the operator API's bearer token; unset: the operator API is off */
  operatorToken?: string | undefined;
  /** DNS servers that verify domains' TXT records ("host" or "host:port"); unset: the system's */
  dnsServers?: string[] | undefined;
  /** how long a shutdown waits for requests in flight before it cuts them */
  shutdownTimeoutSeconds: number;
  /** the bearer token that reads /metrics; unset: /metrics is off */
  metricsToken?: string | undefined;
  /** the operator's legal identity on invoices (SELFSERVE_SELLER_*) */
  seller: Seller;
  /** the operator's catalog file (JSON or YAML); unset: the demo catalog */
  catalogPath?: string | undefined;
  /** webhooks may reach loopback and private addresses (tests, a private network the operator trusts) */
  webhooksAllowPrivate: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.SELFSERVE_DATA_DIR ?? './data',
    demoPassword: env.SELFSERVE_DEMO_PASSWORD ?? 'selfserve-demo',
    smtpUrl: env.SMTP_URL || undefined,
    logLevel: env.LOG_LEVEL ?? 'info',
    trustProxy: trustedProxies(env.TRUST_PROXY),
    publicUrl: env.PUBLIC_URL || undefined,
    jobsIntervalSeconds: Number(env.SELFSERVE_JOBS_INTERVAL ?? 60),
    operatorToken: env.SELFSERVE_OPERATOR_TOKEN || undefined,
    dnsServers: env.SELFSERVE_DNS_SERVERS
      ? env.SELFSERVE_DNS_SERVERS.split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : undefined,
    shutdownTimeoutSeconds: Number(env.SELFSERVE_SHUTDOWN_TIMEOUT ?? 10),
    metricsToken: env.SELFSERVE_METRICS_TOKEN || undefined,
    seller: sellerFromEnv(env),
    catalogPath: env.SELFSERVE_CATALOG || undefined,
    webhooksAllowPrivate: env.SELFSERVE_WEBHOOKS_ALLOW_PRIVATE === 'true',
  };
}

/**
 * TRUST_PROXY: a hop count ("1": the one proxy in front), or the proxies' addresses and CIDR
 * ranges, comma-separated. "true" would believe every X-Forwarded-For hop, which a client writes
 * itself: refused, since it lets a client pick the address that sign-in throttling counts.
 */
function trustedProxies(value = ''): Config['trustProxy'] {
  const v = value.trim();
  if (v === '' || v === 'false' || v === '0') return false;
  if (/^\d+$/.test(v)) return Number(v);
  if (v === 'true') {
    throw new Error(
      'TRUST_PROXY=true would trust X-Forwarded-For hops that clients write: give the number of proxies in front (1) or their addresses (10.0.0.5,10.1.0.0/16)',
    );
  }
  return v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
