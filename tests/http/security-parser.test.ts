import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, send, type TestApp } from '../helpers/app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

/** Writes raw bytes to the server and reads everything it answers until it closes the connection. */
function rawExchange(bytes: string): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  const { hostname, port } = new URL(app.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(bytes));
    let answer = '';
    socket.on('data', (c) => (answer += c.toString()));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', body = ''] = answer.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(
        lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
      );
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body });
    });
  });
}

// Requests that Node's HTTP parser refuses never reach Fastify's routes; they are answered in the
// same RFC 9457 shape as every other refusal, with a stable code.
describe('requests the HTTP parser refuses', () => {
  const cases: [string, string, number, string][] = [
    [
      'headers over 16 KB',
      `GET /api/me HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      431,
      'headers_too_large',
    ],
    ['a request line that is not HTTP', 'HELLO THERE\r\n\r\n', 400, 'malformed_request'],
    [
      'a header name with a space',
      'GET /api/me HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n',
      400,
      'malformed_request',
    ],
    [
      'both Content-Length and chunked encoding',
      'POST /api/session HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
      400,
      'malformed_request',
    ],
  ];
  for (const [what, bytes, status, code] of cases) {
    it(`answers ${what} with ${status} problem+json`, async () => {
      const res = await rawExchange(bytes);
      expect(res.status).toBe(status);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(res.body));
      expect(JSON.parse(res.body)).toMatchObject({
        status,
        code,
        type: expect.stringContaining(code),
        detail: expect.any(String),
      });
    });
  }

  it('keeps serving afterwards', async () => {
    expect((await send(`${app.url}/api/openapi.json`, 'GET')).status).toBe(200);
  });
});
