import http from 'node:http';
import https from 'node:https';
import { guardedLookup, refusedLiteral } from './destination.js';

/** What an endpoint answered to one attempt; statusCode null when no answer came. */
export interface SendResult {
  statusCode: number | null;
  /** the start of the response body, for the delivery log */
  excerpt: string;
  error: string | null;
}

const EXCERPT_BYTES = 1024;

/**
 * POSTs one signed message. Redirects are not followed (a 3xx is a failure, as Standard Webhooks
 * advises); the response body is read up to the excerpt and dropped.
 */
export function postMessage(
  rawUrl: string,
  headers: Record<string, string>,
  body: string,
  opts: { timeoutMs: number; allowPrivate: boolean },
): Promise<SendResult> {
  const url = new URL(rawUrl);
  const refused = refusedLiteral(url, opts.allowPrivate);
  if (refused) return Promise.resolve({ statusCode: null, excerpt: '', error: refused.message });
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    const req = client.request(
      url,
      {
        method: 'POST',
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'user-agent': 'Selfserve-Webhooks/1',
        },
        lookup: guardedLookup(opts.allowPrivate),
        signal: AbortSignal.timeout(opts.timeoutMs),
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const finish = () => {
          res.destroy();
          resolve({
            statusCode: res.statusCode ?? null,
            excerpt: Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString('utf8'),
            error: null,
          });
        };
        res.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          size += chunk.length;
          if (size >= EXCERPT_BYTES) finish();
        });
        res.on('end', finish);
        res.on('error', finish);
      },
    );
    req.on('error', (err) =>
      resolve({
        statusCode: null,
        excerpt: '',
        error: err.name === 'AbortError' ? `no answer within ${opts.timeoutMs / 1000} s` : err.message,
      }),
    );
    req.end(body);
  });
}
