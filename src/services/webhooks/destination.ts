import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { AppError } from '../../domain/errors.js';

/** Only public unicast addresses: never loopback, private, link-local (cloud metadata), CGNAT or reserved ranges. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.parse(address);
  const ip =
    parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()
      ? (parsed as ipaddr.IPv6).toIPv4Address()
      : parsed;
  return ip.range() === 'unicast';
}

const hostOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1');

/**
 * An endpoint URL as registered: http(s), no credentials in it, and, unless the operator allows
 * private addresses, no literal private address or local name. Names are checked again when
 * each delivery resolves them (a name can point anywhere).
 */
export function checkEndpointUrl(raw: string, allowPrivate: boolean): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppError('invalid_webhook_url', 'Give the endpoint as an absolute http:// or https:// URL.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new AppError('invalid_webhook_url', 'Give the endpoint as an absolute http:// or https:// URL.');
  if (url.username || url.password)
    throw new AppError(
      'invalid_webhook_url',
      'Credentials do not belong in the URL: receivers check the signature instead.',
    );
  const host = hostOf(url);
  const local = isIP(host)
    ? !isPublicAddress(host)
    : host === 'localhost' || host.endsWith('.localhost') || !host.includes('.');
  if (local && !allowPrivate) {
    throw new AppError(
      'webhook_url_not_allowed',
      'Webhooks are only sent to public addresses, not to loopback or private networks.',
    );
  }
  return url.toString();
}

export class RefusedAddressError extends Error {
  constructor(host: string, address: string) {
    super(`${host} resolves to ${address}, a private or loopback address: refused`);
  }
}

/**
 * A `lookup` for http.request that refuses private addresses: what is checked is the address the
 * connection is made to, so a name that resolves (or rebinds) to an internal host is refused too.
 */
export function guardedLookup(allowPrivate: boolean) {
  return (
    hostname: string,
    options: LookupOptions,
    callback: (err: Error | null, address: string | LookupAddress[], family?: number) => void,
  ) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '');
      const refused = allowPrivate ? undefined : addresses.find((a) => !isPublicAddress(a.address));
      if (refused) return callback(new RefusedAddressError(hostname, refused.address), '');
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

/** An IP literal in the URL is never looked up: it is checked here instead. */
export function refusedLiteral(url: URL, allowPrivate: boolean): Error | undefined {
  const host = hostOf(url);
  return !allowPrivate && isIP(host) && !isPublicAddress(host) ? new RefusedAddressError(host, host) : undefined;
}
