// A TCP link to a server that a test can cut and restore (tests only): while cut, nothing listens
// on its port (a connection is refused, as with a cable pulled at the counter's side) and the
// connections under way are dropped; restored, it listens on the same port again.
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface CuttableLink {
  url: string;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startCuttableLink(target: string): Promise<CuttableLink> {
  const to = new URL(target);
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = 0;
  const listen = () => new Promise<void>((resolve, reject) => {
    const s = net.createServer((inbound) => {
      const outbound = net.connect(Number(to.port), to.hostname);
      for (const x of [inbound, outbound]) {
        sockets.add(x);
        x.on('close', () => sockets.delete(x));
        x.on('error', () => { inbound.destroy(); outbound.destroy(); });
      }
      inbound.pipe(outbound).pipe(inbound);
    });
    s.once('error', reject);
    s.listen(port, '127.0.0.1', () => {
      port = (s.address() as AddressInfo).port;
      server = s;
      resolve();
    });
  });
  const stop = () => new Promise<void>((resolve) => {
    const s = server;
    server = null;
    for (const x of sockets) x.destroy();
    if (!s) return resolve();
    s.close(() => resolve());
  });
  await listen();
  return { url: `http://127.0.0.1:${port}`, cut: stop, restore: listen, close: stop };
}
