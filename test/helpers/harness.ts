// A real Shahn core (createApp on a temp SQLite file) wired to the real simulators on 127.0.0.1,
// seeded with the demo data. What the integration tests drive.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp, type App, type CreateAppOptions } from '../../main/app/create-app';
import { configFromEnv, type AppSettings } from '../../main/app/config';
import type { Channel, ChannelInput, ChannelOutput, RpcError } from '../../preload/contract';
import { seedDemo } from '../../scripts/seed-demo';
import { startSimulators, type Simulators } from '../sim';
import type { XmlVendSimOptions } from '../sim/xmlvend/options';
import { withConfirmation, type SellInput, type Unconfirmed } from './confirm';

export interface Harness {
  app: App;
  sims: Simulators;
  dataDir: string;
  /** Calls a channel as the logged-in user; throws the RpcError on failure. */
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  /** Calls a channel and returns the raw result (for asserting errors). */
  raw(channel: string, input: unknown, token?: string | null): ReturnType<App['call']>;
  /** A sales.sell input with the confirmation of a sales.quote made now, as the sell screen sends it. */
  confirmed(input: Unconfirmed): Promise<SellInput>;
  login(username?: string, pin?: string): Promise<string>;
  close(): Promise<void>;
}

/** The STS simulator accepts a request this long after it was signed; Shahn is told the same. */
export const TOLERANCE_MS = 2_000;

export class RpcFailure extends Error {
  constructor(readonly error: RpcError) {
    super(`${error.code}: ${error.message.en}`);
  }
}

export async function startHarness(opts: {
  settings?: Partial<AppSettings>; app?: CreateAppOptions; dataDir?: string; seed?: boolean; env?: Record<string, string>;
  /** The STS vendor is the XMLVend simulator (with these options). */
  xmlvend?: XmlVendSimOptions | true;
} = {}): Promise<Harness> {
  const sims = await startSimulators({ stsTimestampToleranceMs: TOLERANCE_MS, xmlvend: opts.xmlvend });
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'shahn-test-'));
  const config = configFromEnv(
    { ...sims.env, SHAHN_DATA_DIR: dataDir, SHAHN_LOG_LEVEL: 'silent', ...opts.env },
    {
      validateOutputs: true,
      vendorTimestampToleranceMs: TOLERANCE_MS,
      vendorAcceptWindowMs: TOLERANCE_MS + 500,
      printer: { iface: `tcp://${sims.printer.host}:${sims.printer.port}`, widthMm: 80, profile: 'epson', language: 'both', timeoutMs: 3_000 },
      outbox: { baseDelayMs: 50, maxDelayMs: 500, idleProbeMs: 200 },
      ...opts.settings,
    },
  );
  const app = createApp(config, opts.app);
  if (opts.seed !== false && (app.db.read.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n === 0) seedDemo(app.db.write);
  let token: string | undefined;
  const h: Harness = {
    app,
    sims,
    dataDir,
    async call(channel, input) {
      const r = await app.call(channel, input, token);
      if (!r.ok) throw new RpcFailure(r.error);
      return r.value as never;
    },
    raw: (channel, input, t) => app.call(channel, input, t === null ? undefined : (t ?? token)),
    confirmed: (input) => withConfirmation((q) => h.call('sales.quote', q), input),
    async login(username = 'cashier', pin = '1111') {
      token = (await h.call('auth.login', { username, pin })).token;
      return token;
    },
    async close() {
      await app.close();
      await sims.close();
    },
  };
  return h;
}

/** Resolves when cond() is true, checking after each outbox event loop turn; fails after ms. */
export async function eventually(cond: () => boolean | Promise<boolean>, ms = 10_000, what = 'condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
