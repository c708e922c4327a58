// What every HTTP simulator does around its own protocol: listen on 127.0.0.1, keep the open
// sockets so going offline cuts them, refuse connections while offline, read bodies with a size
// cap, and answer the admin endpoint (/__sim/faults) that sets the FaultState. The protocol part
// (signed JSON in http-sim.ts, SOAP in xmlvend/) is the `handle` it is given.
import http from 'node:http';
import type { Socket } from 'node:net';
import { FaultState, FaultsSchema, type Faults } from './faults';
import { listenLocal, stopServer } from './listen';

export const ADMIN_PATH = '/__sim/faults';
const LOCAL = new Set(['127.0.0.1', '::ffff:127.0.0.1']);
const MAX_BODY = 5 * 1024 * 1024;

export interface LocalServer {
  readonly url: string;
  readonly port: number;
  readonly faults: FaultState;
  /** Replaces the fault set; resolves once it is in force (offline really stops listening). */
  setFaults(f: Faults): Promise<void>;
  close(): Promise<void>;
}

/** `raw` is null when the body was over the size cap. A throw is logged and answered 500. */
export type LocalHandler = (req: http.IncomingMessage, res: http.ServerResponse, raw: Buffer | null) => Promise<void>;

export async function startLocalServer(opts: { port?: number; handle: LocalHandler; onCrash(res: http.ServerResponse): void }): Promise<LocalServer> {
  const faults = new FaultState();
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    void (async () => {
      const raw = await readBody(req);
      // The admin endpoint is outside the vendor protocol: no signature, no faults, not logged.
      if ((req.url ?? '/').split('?')[0] === ADMIN_PATH) return admin(req, res, raw);
      await opts.handle(req, res, raw);
    })().catch((err: unknown) => {
      // A simulator bug must be loud in the test output, and still answer like a broken server.
      console.error('[sim] handler crashed', err);
      if (!res.headersSent) opts.onCrash(res);
    });
  });
  server.on('connection', (s) => {
    if (faults.get().offline) return void s.destroy();
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  /** GET /__sim/faults shows the faults in force; POST replaces them (JSON Faults). 127.0.0.1 only. */
  function admin(req: http.IncomingMessage, res: http.ServerResponse, raw: Buffer | null): void {
    if (!LOCAL.has(req.socket.remoteAddress ?? '')) return json(res, 403, error('FORBIDDEN', 'Fault injection is accepted from 127.0.0.1 only', 'حقن الأعطال مقبول من 127.0.0.1 فقط'));
    if (req.method === 'GET') return json(res, 200, { faults: faults.get() });
    if (req.method !== 'POST') return json(res, 405, error('METHOD_NOT_ALLOWED', 'Use GET or POST', 'استخدم GET أو POST'));
    let parsed: ReturnType<typeof FaultsSchema.safeParse>;
    try {
      parsed = FaultsSchema.safeParse(JSON.parse((raw ?? Buffer.alloc(0)).toString('utf8') || '{}'));
    } catch {
      return json(res, 400, error('BAD_JSON', 'The request body is not JSON', 'نص الطلب ليس بصيغة JSON'));
    }
    if (!parsed.success) {
      const why = parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ');
      return json(res, 400, error('BAD_FAULTS', `Not a fault set: ${why}`, `ليست مجموعة أعطال صالحة: ${why}`));
    }
    const next = parsed.data;
    // Going offline closes this very socket: answer first, then put the faults in force.
    res.once('finish', () => void local.setFaults(next));
    json(res, 200, { faults: next });
  }

  const listen = (port: number) => listenLocal(server, port);
  const stopListening = () => stopServer(server, sockets);
  const port = await listen(opts.port ?? 0);
  const local: LocalServer = {
    url: `http://127.0.0.1:${port}`,
    port,
    faults,
    async setFaults(f) {
      const wasOffline = faults.get().offline === true;
      faults.set(f);
      if (f.offline && !wasOffline) await stopListening();
      if (!f.offline && wasOffline) await listen(port);
    },
    close: stopListening,
  };
  return local;
}

function readBody(req: http.IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => resolve(size > MAX_BODY ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The protocol's error body (PROTOCOL.md): the admin endpoint answers in it for every simulator. */
const error = (code: string, en: string, ar: string) => ({ error: { code, message: { ar, en } } });

export function json(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
