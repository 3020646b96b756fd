import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface Received {
  id: string;
  type: string;
  data: Record<string, unknown>;
  /** the signature checked with the receiver's secrets (every attempt's, also refused ones) */
  verified: boolean;
  status: number;
  /** the payload's timestamp: when the change happened */
  timestamp: string;
  receivedAt: number;
}

/**
 * A webhook receiver on 127.0.0.1 that verifies every signature with the standardwebhooks
 * package, as an app would. `answer` decides each attempt's status (or 'hang': never answers).
 */
export async function startWebhookReceiver(
  opts: { secrets?: string[]; answer?: (attempt: number, id: string) => number | 'hang' } = {},
) {
  const attempts: Received[] = [];
  const hanging = new Set<http.ServerResponse>();
  let secrets = opts.secrets ?? [];
  let answer = opts.answer ?? (() => 204);
  let arrived: () => void = () => {};
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
      const verified =
        secrets.length > 0 &&
        secrets.every((s) => {
          try {
            new Webhook(s).verify(body, headers);
            return true;
          } catch {
            return false;
          }
        });
      const parsed = JSON.parse(body) as { type: string; timestamp: string; data: Record<string, unknown> };
      const decision = answer(attempts.length + 1, headers['webhook-id']!);
      attempts.push({
        id: headers['webhook-id']!,
        type: parsed.type,
        timestamp: parsed.timestamp,
        data: parsed.data,
        verified,
        status: decision === 'hang' ? 0 : decision,
        receivedAt: Date.now(),
      });
      arrived();
      if (decision === 'hang') hanging.add(res);
      else
        res
          .writeHead(decision, { 'content-type': 'text/plain' })
          .end(decision < 300 ? 'ok' : `receiver says ${decision}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    port,
    attempts,
    /** the messages accepted (2xx), in the order they were accepted */
    accepted: () => attempts.filter((a) => a.status >= 200 && a.status < 300),
    setSecrets: (s: string[]) => (secrets = s),
    setAnswer: (a: typeof answer) => (answer = a),
    /** resolves once `done()` holds, checked at each arrival */
    async waitFor(done: () => boolean, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (!done()) {
        if (Date.now() > deadline)
          throw new Error(
            `webhook receiver: timed out with ${attempts.length} attempts: ${attempts.map((a) => `${a.type}:${a.status}`).join(', ')}`,
          );
        await new Promise<void>((resolve) => {
          arrived = resolve;
          setTimeout(resolve, 100);
        });
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
