// A network ESC/POS printer (the "raw" port 9100 kind) on 127.0.0.1: every connection that sends
// bytes is one print job, kept whole. A connection that sends nothing — node-thermal-printer's
// isPrinterConnected() probe — is not a job. Answers DLE EOT status requests like an idle printer.
import { EventEmitter } from 'node:events';
import net from 'node:net';
import type { Socket } from 'node:net';
import { listenLocal, stopServer } from './kit/listen';

export interface PrinterSim {
  readonly host: string;
  readonly port: number;
  /** Completed jobs (connections closed after sending bytes), oldest first. */
  jobs(): Buffer[];
  /** Resolves with the jobs once there are at least n; rejects after timeoutMs. */
  waitForJobs(n: number, timeoutMs: number): Promise<Buffer[]>;
  clear(): void;
  /** offline: stop listening, so a print fails with "connection refused" like an unplugged printer. */
  setFaults(f: { offline?: boolean }): Promise<void>;
  close(): Promise<void>;
}

const DLE = 0x10;
const EOT = 0x04;
/** DLE EOT n answer of an online printer with paper and the cover shut (bits 1 and 4 are always set). */
const STATUS_OK = 0x12;

export async function startPrinterSim(opts: { port?: number } = {}): Promise<PrinterSim> {
  const done: Buffer[] = [];
  const events = new EventEmitter();
  const sockets = new Set<Socket>();

  const server = net.createServer((socket) => {
    sockets.add(socket);
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      for (let i = 0; i + 2 < chunk.length; i++) {
        const n = chunk[i + 2] ?? 0;
        if (chunk[i] === DLE && chunk[i + 1] === EOT && n >= 1 && n <= 4) socket.write(Buffer.from([STATUS_OK]));
      }
    });
    // Clients usually destroy the socket right after writing; a reset is an ordinary end here.
    socket.on('error', () => undefined);
    socket.on('close', () => {
      sockets.delete(socket);
      if (chunks.length === 0) return;
      done.push(Buffer.concat(chunks));
      events.emit('job');
    });
  });

  const listen = (port: number) => listenLocal(server, port);
  const stop = () => stopServer(server, sockets);

  const port = await listen(opts.port ?? 0);
  return {
    host: '127.0.0.1',
    port,
    jobs: () => [...done],
    waitForJobs(n, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (done.length < n) return;
          cleanup();
          resolve([...done]);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`printer sim: expected ${n} job(s) within ${timeoutMs} ms, got ${done.length}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          events.off('job', check);
        };
        events.on('job', check);
        check();
      });
    },
    clear: () => void done.splice(0),
    async setFaults(f) {
      if (f.offline && server.listening) await stop();
      if (!f.offline && !server.listening) await listen(port);
    },
    close: stop,
  };
}
