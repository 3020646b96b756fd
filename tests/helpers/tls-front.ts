import { connect } from 'node:net';
import { createServer, type Server } from 'node:tls';

// A self-signed certificate for 127.0.0.1 (valid until 2126), for clients that speak only https:
// Microsoft's authentication library refuses an authority over plain http.
export const TEST_CA = `-----BEGIN CERTIFICATE-----
MIIBpjCCAUugAwIBAgIURWu7GNtek8d2UDtm4DYsKtFOaawwCgYIKoZIzj0EAwIw
GTEXMBUGA1UEAwwOU2VsZnNlcnZlIHRlc3QwIBcNMjYxMTI1MjE0NTU4WhgPMjEy
NjExMDEyMTQ1NThaMBkxFzAVBgNVBAMMDlNlbGZzZXJ2ZSB0ZXN0MFkwEwYHKoZI
zj0CAQYIKoZIzj0DAQcDQgAE5UKwy7Yd8AwLTv0vdrrdVnVRlEUSewF5boLsjWev
rk6Fn583cGSzeSv1dM/OThW7cvH7IuaMu39cmo59ToIIJ6NvMG0wHQYDVR0OBBYE
FFSBoBG/BH9iOIWW5qTkyBYI9Vz+MB8GA1UdIwQYMBaAFFSBoBG/BH9iOIWW5qTk
yBYI9Vz+MA8GA1UdEwEB/wQFMAMBAf8wGgYDVR0RBBMwEYcEfwAAAYIJbG9jYWxo
b3N0MAoGCCqGSM49BAMCA0kAMEYCIQCQNLx4Gs1XgT+iXPIyV3nEanUCX7z6JJuI
mS62SSFywgIhAJRKIsL95LG1TcrNVsju44oey1+NYPon3oWFAIYdOtCL
-----END CERTIFICATE-----
`;
const TEST_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgYkObaaeIQFjme4Sk
6gX/gHcRdauwle6ivUxA2XQC8P+hRANCAATlQrDLth3wDAtO/S92ut1WdVGURRJ7
AXluguyNZ6+uToWfnzdwZLN5K/V0z85OFbty8fsi5oy7f1yajn1Ogggn
-----END PRIVATE KEY-----
`;

export interface TlsFront {
  /** https://127.0.0.1:port */
  url: string;
  /** where the decrypted connections go: the test server's port */
  target: number;
  close(): Promise<void>;
}

/**
 * TLS in front of a plain-http test server, as a load balancer terminating https would be: the
 * bytes pass through unchanged. Start it first and give its url as the server's PUBLIC_URL.
 */
export async function startTlsFront(): Promise<TlsFront> {
  const open = new Set<{ destroy(): void }>();
  const front: TlsFront = {
    url: '',
    target: 0,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        for (const s of open) s.destroy();
      }),
  };
  const server: Server = createServer({ key: TEST_KEY, cert: TEST_CA }, (socket) => {
    const upstream = connect(front.target, '127.0.0.1');
    open.add(socket).add(upstream);
    socket.on('close', () => open.delete(socket));
    upstream.on('close', () => open.delete(upstream));
    socket.pipe(upstream).pipe(socket);
    socket.on('error', () => upstream.destroy());
    upstream.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  front.url = `https://127.0.0.1:${(server.address() as { port: number }).port}`;
  return front;
}
