// Starting and stopping a simulator's server on 127.0.0.1; stopping also cuts the open sockets,
// so a client sees the simulator go away at once (as when the network drops), not after idling.
import type { AddressInfo, Server, Socket } from 'node:net';

/** Listens on `port` (0: any free one) and resolves to the port it got. */
export function listenLocal(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export function stopServer(server: Server, sockets: Iterable<Socket>): Promise<void> {
  for (const s of sockets) s.destroy();
  return new Promise((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
}
