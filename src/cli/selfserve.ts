// The operator's command line: `npm run selfserve -- <command>`. It calls the operator API of a
// running server (SELFSERVE_URL) with SELFSERVE_OPERATOR_TOKEN, so it works the same against
// the embedded database, which only the server process may open, and against PostgreSQL.
import { parseArgs } from 'node:util';

const USAGE = `Usage: npm run selfserve -- <command> [options]

  org create --name <name> --country <XX> --currency <EUR|USD|GBP> --admin-email <email> --admin-name <name> [--invoice-prefix <ABC>]
      creates an organization and invites its first admin (prints the one-time link)
  org list                          the organizations
  org show <organization id>        one organization with its e-mail domains
  domain add <organization id> <domain> [--unverified]
      attaches an e-mail domain, verified by you (or left for the admin to verify by DNS)

Environment: SELFSERVE_URL (default http://localhost:3000), SELFSERVE_OPERATOR_TOKEN (required).
Add --json to print the API's answer as it is.`;

interface Organization {
  id: string;
  name: string;
  country: string;
  currency: string;
  invoicePrefix: string;
}
interface Domain {
  domain: string;
  verified: boolean;
  txtRecord: { name: string; value: string };
}

class CliError extends Error {}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const base = (process.env.SELFSERVE_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, '');
  const token = process.env.SELFSERVE_OPERATOR_TOKEN;
  if (!token) throw new CliError('SELFSERVE_OPERATOR_TOKEN is not set: use the token the server was started with.');
  const res = await fetch(`${base}/api/operator${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : null,
  }).catch((err: unknown) => {
    const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
    throw new CliError(`Cannot reach ${base}: ${cause instanceof Error ? cause.message : String(cause)}`);
  });
  // an answer of ours is JSON: the result, or a problem with its code and detail
  const data = (await res.json().catch(() => null)) as { code?: string; detail?: string } | null;
  if (res.status === 404 && data?.code === 'not_found' && !path.includes('/organizations/')) {
    throw new CliError('The operator API is off: start the server with SELFSERVE_OPERATOR_TOKEN set.');
  }
  if (!res.ok) throw new CliError(`${res.status} ${data?.code ?? ''}: ${data?.detail ?? res.statusText}`);
  return data as T;
}

const describeDomain = (d: Domain) =>
  d.verified
    ? `${d.domain} (verified)`
    : `${d.domain} (not verified: publish the TXT record "${d.txtRecord.value}" at ${d.txtRecord.name})`;

async function main(argv: string[], print: (line: string) => void): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      country: { type: 'string' },
      currency: { type: 'string' },
      'invoice-prefix': { type: 'string' },
      'admin-email': { type: 'string' },
      'admin-name': { type: 'string' },
      unverified: { type: 'boolean' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const out = (data: unknown, text: () => string[]) =>
    values.json ? print(JSON.stringify(data, null, 2)) : text().forEach((l) => print(l));
  const need = (key: keyof typeof values) => {
    const v = values[key];
    if (typeof v !== 'string' || !v) throw new CliError(`--${key} is required.\n\n${USAGE}`);
    return v;
  };
  const [area, verb, ...args] = positionals;
  if (values.help || !area) return print(USAGE);

  if (area === 'org' && verb === 'create') {
    const org = await call<
      Organization & { admin: { email: string }; invitation: { url: string; expiresAt: string; emailed: boolean } }
    >('POST', '/organizations', {
      name: need('name'),
      country: need('country').toUpperCase(),
      currency: need('currency').toUpperCase(),
      ...(values['invoice-prefix'] ? { invoicePrefix: values['invoice-prefix'] } : {}),
      admin: { email: need('admin-email'), displayName: need('admin-name') },
    });
    return out(org, () => [
      `Created ${org.name} (${org.id}), ${org.country}, ${org.currency}, invoices ${org.invoicePrefix}-…`,
      `Invitation for ${org.admin.email}${org.invitation.emailed ? ' (e-mailed)' : ' (not e-mailed: no mail server; hand this link over)'}:`,
      `  ${org.invitation.url}`,
      `  works once, until ${org.invitation.expiresAt}`,
    ]);
  }
  if (area === 'org' && verb === 'list') {
    const page = await call<{ items: Organization[] }>('GET', '/organizations?limit=100');
    return out(page, () => page.items.map((o) => `${o.id}  ${o.name}  ${o.country} ${o.currency}`));
  }
  if (area === 'org' && verb === 'show' && args[0]) {
    const org = await call<Organization & { domains: Domain[] }>(
      'GET',
      `/organizations/${encodeURIComponent(args[0])}`,
    );
    return out(org, () => [
      `${org.name} (${org.id}), ${org.country}, ${org.currency}`,
      ...org.domains.map((d) => `  ${describeDomain(d)}`),
    ]);
  }
  if (area === 'domain' && verb === 'add' && args[0] && args[1]) {
    const domain = await call<Domain>('POST', `/organizations/${encodeURIComponent(args[0])}/domains`, {
      domain: args[1],
      verified: !values.unverified,
    });
    return out(domain, () => [describeDomain(domain)]);
  }
  throw new CliError(USAGE);
}

try {
  await main(process.argv.slice(2), (line) => console.log(line));
} catch (err) {
  const usageError = err instanceof CliError || String((err as { code?: string }).code).startsWith('ERR_PARSE_ARGS');
  console.error(usageError ? (err as Error).message : err);
  process.exitCode = 1;
}
