import { readFileSync } from 'node:fs';

/**
 * Vite writes this in place of a nonce in the web UI's index.html (vite.config.ts, html.cspNonce):
 * on its script and style tags and in <meta property="csp-nonce">, where Fluent UI's style engine
 * reads it for the style elements it inserts (web/src/main.tsx).
 */
export const CSP_NONCE_PLACEHOLDER = 'selfserve-csp-nonce';

/** The web UI's page with a request's nonce, the one its Content-Security-Policy allows styles by. */
export function webIndex(file: string): (nonce: string) => string {
  const html = readFileSync(file, 'utf8');
  return (nonce) => html.replaceAll(CSP_NONCE_PLACEHOLDER, nonce);
}
