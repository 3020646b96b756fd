import { domainToASCII } from 'node:url';

/** The TXT record that proves an organization owns a domain: `selfserve-verification=<token>`. */
export const TXT_PREFIX = 'selfserve-verification=';

const DOMAIN = /^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

/**
 * A domain as stored: lower case, international names in their ASCII (punycode) form, no
 * trailing dot; undefined when it is not a domain name with at least two labels.
 */
export function normalizeDomain(input: string): string | undefined {
  const name = input.trim().replace(/\.$/, '');
  // domainToASCII parses a URL host: it would drop a path or a port rather than refuse them
  if (/[\s/\\?#@:%]/.test(name)) return undefined;
  const ascii = domainToASCII(name);
  return ascii.length <= 253 && DOMAIN.test(ascii) ? ascii : undefined;
}

/** The domain part of an e-mail address, normalized. */
export function domainOfEmail(email: string): string | undefined {
  const at = email.lastIndexOf('@');
  return at > 0 ? normalizeDomain(email.slice(at + 1)) : undefined;
}
