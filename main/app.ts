// createApp(config) builds every service of Shahn and returns the dispatcher. No 'electron'
// import: the same core runs under Electron, in the browser host, in tests and in benchmarks.
import fs from 'node:fs';
import path from 'node:path';
import { openDb, type Db } from '../db/open';
import { contract } from '../preload/contract';
import { createSessionStore } from './auth/sessions';
import type { AppConfig } from './config';
import { createDispatcher, type CallResult } from './ipc/dispatch';
import { buildHandlers } from './ipc/build-handlers';
import { createLogger, type Logger } from './logger';
import { createOutboxWorker, type OutboxWorker } from './outbox/worker';
import { acrelRechargeHandler, headOfficeHandler, stsVerifyHandler } from './sales/deliveries';
import type { SalesDeps } from './sales/ports';
import { reconcileAtStartup } from './sales/reconcile';
import { createPrinterPort } from './wiring/printer-port';
import { createVendorPorts } from './wiring/vendor-ports';

export interface App {
  config: AppConfig;
  db: Db;
  log: Logger;
  worker: OutboxWorker;
  /** Every contract call, from any transport: the token (if any) selects the session. */
  call(channel: string, input: unknown, token?: string): Promise<CallResult>;
  sales: SalesDeps;
  close(): Promise<void>;
}

export interface CreateAppOptions {
  now?: () => Date;
  /** Start the outbox worker (tests that drive it by hand turn this off). */
  startWorker?: boolean;
}

export function createApp(config: AppConfig, opts: CreateAppOptions = {}): App {
  fs.mkdirSync(config.dataDir, { recursive: true });
  const now = opts.now ?? (() => new Date());
  const log = createLogger(config.dataDir, config.logLevel);
  const db = openDb(path.join(config.dataDir, 'shahn.sqlite'));
  const vendors = createVendorPorts(config.vendors);

  const outboxPort = { deliverNow: (id: number) => worker.deliverNow(id), kick: () => worker.kick() };
  const sales: SalesDeps = {
    db,
    config: { currency: config.currency, currencyDecimals: config.currencyDecimals, timeZone: config.timeZone, unknownGraceMs: config.unknownGraceMs },
    now,
    sts: vendors.sts,
    outbox: outboxPort,
    printer: createPrinterPort(config),
    log,
  };
  const worker: OutboxWorker = createOutboxWorker({
    db,
    now,
    log,
    baseDelayMs: config.outbox.baseDelayMs,
    maxDelayMs: config.outbox.maxDelayMs,
    idleProbeMs: config.outbox.idleProbeMs,
    handlers: {
      'acrel.recharge': acrelRechargeHandler(sales, vendors.acrel),
      'sts.verify': stsVerifyHandler(sales),
      'headoffice.sale': headOfficeHandler(sales, vendors.headOffice),
    },
    probe: vendors.probe,
  });

  reconcileAtStartup(sales);
  const sessions = createSessionStore(config.sessionTtlMinutes * 60_000);
  const dispatch = createDispatcher(buildHandlers({ config, sales, sessions, worker, now }), {
    validateOutputs: config.validateOutputs,
    log,
  });
  if (opts.startWorker !== false) worker.start();
  const call = (channel: string, input: unknown, token?: string) => dispatch(channel, input, { token, session: sessions.get(token) });
  log.info({ channels: Object.keys(contract).length, db: db.file }, 'shahn started');

  return {
    config, db, log, worker, call, sales,
    async close() {
      await worker.stop();
      db.close();
      log.flush?.();
    },
  };
}
