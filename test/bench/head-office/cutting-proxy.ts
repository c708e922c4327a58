// A TCP proxy between the simulated counters and the head office that drops a share of the
// connections the way a bad link does, without telling either side why:
//  - mid-request: the request is forwarded only up to a random byte short of its end, then both
//    sides are cut (the service never sees a whole request, so it stores nothing);
//  - before the answer: the whole request reaches the service, which stores the batch and answers,
//    and both sides are cut as the first byte of the answer comes back (the counter cannot know
//    its batch is stored, and sends it again).
// The counters' client opens a fresh connection per request (main/vendors/http-core.ts), so each
// connection carries one request.
import net from 'node:net';

export interface CuttingProxy {
  url: string;
  stats(): { connections: number; cutMidRequest: number; cutBeforeAnswer: number };
  close(): Promise<void>;
}

const HEADER_END = Buffer.from('\r\n\r\n');

/** Forwards 127.0.0.1:<its port> to `target` (http://host:port); cuts `cutShare` of the connections, half each way. */
export async function startCuttingProxy(target: string, cutShare: number, rnd: () => number): Promise<CuttingProxy> {
  const to = new URL(target);
  const stats = { connections: 0, cutMidRequest: 0, cutBeforeAnswer: 0 };
  const sockets = new Set<net.Socket>();

  const server = net.createServer((client) => {
    stats.connections++;
    const roll = rnd();
    const fate = roll < cutShare / 2 ? 'mid-request' : roll < cutShare ? 'before-answer' : 'pass';
    const upstream = net.connect(Number(to.port), to.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined); // a cut is the point: the other side's reset is expected
    }
    const cut = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());

    if (fate === 'mid-request') {
      // Read up to the end of the headers for Content-Length, then pick the byte to stop before.
      let head = Buffer.alloc(0);
      let cutAt = -1;
      let sent = 0;
      client.on('data', (chunk: Buffer) => {
        if (cutAt < 0) {
          head = Buffer.concat([head, chunk]);
          const end = head.indexOf(HEADER_END);
          if (end < 0) return;
          const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head.subarray(0, end).toString('latin1'))?.[1] ?? 0);
          const total = end + HEADER_END.length + length;
          cutAt = 1 + Math.floor(rnd() * (total - 1));
          chunk = head;
        }
        const room = cutAt - sent;
        if (chunk.length < room) {
          upstream.write(chunk);
          sent += chunk.length;
          return;
        }
        upstream.write(chunk.subarray(0, room), () => {
          stats.cutMidRequest++;
          cut();
        });
        sent = cutAt;
        client.pause();
      });
      return;
    }

    client.pipe(upstream);
    if (fate === 'pass') {
      upstream.pipe(client);
      return;
    }
    upstream.once('data', () => {
      stats.cutBeforeAnswer++;
      cut();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    stats: () => ({ ...stats }),
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}
