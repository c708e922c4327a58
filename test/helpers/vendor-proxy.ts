// A man in the middle between Shahn and a vendor simulator (tests only): forwards every request
// byte for byte, and lets a test hold back the charge or change the vendor's answer, to prove what
// the counter does when a vendor is slow on one call or answers for another sale.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface VendorProxy {
  url: string;
  /** Milliseconds to hold a request before forwarding it (per request). */
  delay: (req: { method: string; path: string }) => number;
  /** Rewrites the vendor's JSON answer (per request). */
  rewrite: (req: { method: string; path: string }, body: unknown) => unknown;
  close(): Promise<void>;
}

export async function startVendorProxy(target: string): Promise<VendorProxy> {
  const to = new URL(target);
  const p: VendorProxy = { url: '', delay: () => 0, rewrite: (_r, b) => b, close: async () => {} };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const info = { method: req.method ?? 'GET', path: req.url ?? '/' };
      setTimeout(() => {
        const out = http.request({ host: to.hostname, port: to.port, method: info.method, path: info.path, headers: { ...req.headers, host: to.host } }, (up) => {
          const back: Buffer[] = [];
          up.on('data', (c: Buffer) => back.push(c));
          up.on('end', () => {
            let body = Buffer.concat(back);
            try {
              body = Buffer.from(JSON.stringify(p.rewrite(info, JSON.parse(body.toString('utf8')))));
            } catch { /* not JSON: as it came */ }
            res.writeHead(up.statusCode ?? 502, { 'content-type': up.headers['content-type'] ?? 'application/json' }).end(body);
          });
        });
        out.on('error', () => res.destroy());
        out.end(Buffer.concat(chunks));
      }, p.delay(info));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  p.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  p.close = () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); });
  return p;
}
