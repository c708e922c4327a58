// createApp(config) builds every service of Shahn and returns the dispatcher. No 'electron'
// import: the same core runs under Electron, in the browser host, in tests and in benchmarks.
import fs from 'node:fs';
import path from 'node:path';
import { openDb, type Db } from '../../db/open';
import { contract, type Channel } from '../../preload/contract';
import { createSessionStore } from '../auth/sessions';
import type { AppConfig } from './config';
import { createDispatcher, type CallResult } from '../ipc/dispatch';
import type { Handlers } from '../ipc/handlers';
import { createLogger, flushLogger, type Logger } from '../common/logger';
import { createOutboxWorker, type OutboxWorker } from '../outbox/worker';
import { acrelRechargeHandler, headOfficeHandler, stsVerifyHandler } from '../sales/deliveries';
import { acrelSettleHandler } from '../sales/settle-cloud';
import type { SalesDeps } from '../sales/ports';
import { reconcileAtStartup } from '../sales/reconcile';
import { createPrinterPort } from '../printing/port';
import { createPrintQueue } from '../printing/queue';
import { vendorTokenTid } from '../meters/token-tid';
import { createVendorPorts } from '../sales/vendor-ports';
import { Z_REPORT_TOPIC, zReportHandler } from '../outbox/z-reports';
import { DEAD_LETTER_TOPIC, deadLetterHandler, reportDeadLetter } from '../outbox/dead-letter-reports';
import { createVendorHolder } from '../vendors/holder';
import { createAttemptLedger } from '../vendors/attempt-ledger';
import { createVendorSettingsStore } from '../vendors/settings/store';
import { vendorsHandlers } from '../vendors/handlers';
import { createVendingKeyStore, fileProtector, loadMasterKey, type KeyProtector } from '../keys';
import { backupNow, scheduleBackups, type BackupReason, type BackupResult } from '../backup';
import { acquireInstanceLock } from '../../db/instance-lock';
import type { SaleStep } from '../sales/ports';
import { meterCommandTopics } from '../meters/deliveries';
import { meterHandlers } from '../meters/handlers';
import { createMeterVendors } from '../meters/vendors';
import { appHandlers } from './handlers';
import { appVersion } from './app-root';
import { authHandlers } from '../auth/handlers';
import { usersHandlers } from '../users/handlers';
import { salesHandlers } from '../sales/handlers';
import { tariffsHandlers } from '../tariffs/handlers';
import { shiftsHandlers } from '../shifts/handlers';
import { historyHandlers } from '../history/handlers';
import { customersHandlers } from '../customers/handlers';
import { keysHandlers } from '../keys/handlers';
import { createLeaseService, type LeaseService } from '../leases/service';
import { retireKeysAtEnrolment } from '../keys/load';
import { leasesHandlers } from '../leases/handlers';
import { outboxHandlers } from '../outbox/handlers';
import { printingHandlers } from '../printing/handlers';
import { backupHandlers } from '../backup/handlers';
import { setupHandlers } from '../setup/handlers';
import { setupGate } from '../setup/gate';
import { counterConfig, loadCounterSettings } from '../setup/counter-settings';
import { masterDataGate } from '../master-data/gate';
import { masterDataHandlers } from '../master-data/handlers';
import { masterDataOwner } from '../master-data/owner';
import { createMasterDataSync, type MasterDataSync } from '../master-data/sync';
import type { ApplyOptions } from '../master-data/apply';

export interface App {
  config: AppConfig;
  db: Db;
  log: Logger;
  worker: OutboxWorker;
  /** The head office's master data, pulled into this counter (main/master-data/sync.ts). */
  masterData: MasterDataSync;
  /** Every contract call, from any transport: the token (if any) selects the session. */
  call(channel: string, input: unknown, token?: string): Promise<CallResult>;
  sales: SalesDeps;
  /** This counter's meter leases (offline STS vending under the head office's leases). */
  leases: LeaseService;
  /** Online backup to the configured folder (scheduled, at shift close, or on demand). */
  backup(reason: BackupReason): Promise<BackupResult>;
  close(): Promise<void>;
}

/** How often lease upkeep runs besides after each sync (renewals are due hourly). */
const LEASE_UPKEEP_MS = 5 * 60_000;

export interface CreateAppOptions {
  now?: () => Date;
  /** Start the outbox worker (tests that drive it by hand turn this off). */
  startWorker?: boolean;
  /** How the master key of the vending-key store is protected (Electron: safeStorage). */
  keyProtector?: KeyProtector;
  /** Observes sale step boundaries (the crash test kills the process there). */
  onSaleStep?: (step: SaleStep, saleId: string) => void;
  /** Test seams of the master-data pull (a crash mid-page, a small page size). */
  masterData?: { apply?: ApplyOptions; pageSize?: number };
}

/** Each gate may refuse a channel; the first refusal wins. */
const gates = (...all: ((c: Channel) => void)[]) => (c: Channel) => all.forEach((g) => g(c));

export function createApp(envConfig: AppConfig, opts: CreateAppOptions = {}): App {
  // The configuration in force: the environment's, with the counter settings saved by the first
  // run over it (applied below, once the database is open, and again whenever setup saves a step).
  // Our own copy: services read its fields at each call, so an update reaches all of them.
  const config: AppConfig = { ...envConfig };
  fs.mkdirSync(config.dataDir, { recursive: true });
  const now = opts.now ?? (() => new Date());
  const log = createLogger(config.dataDir, config.logLevel);
  // One Shahn (so one outbox worker) per database; also lets `npm run restore` refuse while it runs.
  const instance = acquireInstanceLock(config.dataDir);
  let db: Db;
  try {
    db = openDb(path.join(config.dataDir, 'shahn.sqlite'));
  } catch (e) {
    instance.release(); // e.g. a database from a newer Shahn: nothing of ours keeps the folder
    throw e;
  }
  Object.assign(config, counterConfig(envConfig, loadCounterSettings(db.read)));
  const masterKey = loadMasterKey(config.dataDir, opts.keyProtector ?? fileProtector);
  // Vendor settings saved in Settings > Vendors (secrets sealed) override the environment; the
  // holder gives every caller the clients in force and is replaced when they are saved.
  const vendorSettings = createVendorSettingsStore({ db: db.write, masterKey, env: config.vendors, log });
  // Every keyed vendor request records where it went and when each attempt was signed, before
  // it is sent: unknown sales are verified there, and failed only once nothing can still arrive.
  const ledger = createAttemptLedger({ db: db.write, masterKey, now });
  // An XMLVend server's msgIDs live in the counter's database (a sale maps to one for good).
  const vendorHolder = createVendorHolder(vendorSettings.effective(), ledger, {
    db: db.write, now, timeZone: () => config.timeZone, counterCurrency: () => config.currency,
  }, `Shahn-POS/${appVersion()}`);
  const keys = createVendingKeyStore(db.write, masterKey, { now, timeZone: config.timeZone });
  keys.fillMissingKcv(); // keys loaded before key check values were recorded get theirs once
  const vendors = createVendorPorts(vendorHolder, (meterNumber, token, energyTenths) => vendorTokenTid(db.read, keys, meterNumber, token, energyTenths));
  const meterVendors = createMeterVendors(vendorHolder);

  // The printer reads its settings from the database on every receipt (printing/settings.ts).
  const printer = createPrinterPort(config, db.write);
  // Receipts still queued from the last run are printed; failed ones retried with backoff.
  const printQueue = createPrintQueue({ db, now, log, printer });
  // Meter leases (main/leases): on a counter whose head office leases meters, tokens are made here
  // only under a meter's lease. Upkeep runs after every sync and on a timer while online.
  const leases = createLeaseService({
    db, masterKey, now, log,
    headOffice: () => {
      const cfg = vendorSettings.effective().headOffice;
      const client = vendorHolder.current().headOffice;
      return cfg && client ? { cfg, client } : null;
    },
  });
  // The clock as seen at start: a floor for a clock set back while the counter was off.
  leases.observeClock();
  // Enrolled (by code earlier, or by the environment now): supply-group keys loaded before have no
  // business here any more, and leases govern this counter for good.
  const enrolledNow = (userId: number | null, reason: 'enrolled' | 'head-office-owns-master-data') => {
    leases.markEnrolled(reason === 'enrolled' ? 'enrolled with a code' : 'SHAHN_MASTER_DATA=head-office');
    const retired = retireKeysAtEnrolment({ db: db.write, keys, now }, userId, reason);
    if (retired.length > 0) log.info({ keys: retired.map((k) => `${k.sgc}:${k.krn}:${k.kcv ?? '-'}`), reason }, 'local vending keys retired: the head office leases meters');
  };
  if (masterDataOwner(db.read, config.masterData.headOffice) === 'head-office') {
    enrolledNow(null, config.masterData.headOffice ? 'head-office-owns-master-data' : 'enrolled');
  }
  const leaseUpkeep = setInterval(() => void leases.maintain(), LEASE_UPKEEP_MS);
  leaseUpkeep.unref();
  const outboxPort = { deliverNow: (id: number) => worker.deliverNow(id), kick: () => worker.kick() };
  const sales: SalesDeps = {
    db,
    config: { counterName: config.counterName, currency: config.currency, currencyDecimals: config.currencyDecimals, timeZone: config.timeZone, vendorAcceptWindowMs: config.vendorAcceptWindowMs },
    now,
    sts: vendors.sts,
    outbox: outboxPort,
    printer,
    receipts: printQueue,
    log,
    keys,
    leases,
    vending: config.vending,
    onStep: opts.onSaleStep,
  };
  const applyCounterSettings = () => {
    const c = counterConfig(envConfig, loadCounterSettings(db.read));
    Object.assign(config, c);
    Object.assign(sales.config, { counterName: c.counterName, currency: c.currency, currencyDecimals: c.currencyDecimals, timeZone: c.timeZone });
    sales.vending = c.vending;
  };
  const worker: OutboxWorker = createOutboxWorker({
    db,
    now,
    log,
    baseDelayMs: config.outbox.baseDelayMs,
    maxDelayMs: config.outbox.maxDelayMs,
    idleProbeMs: config.outbox.idleProbeMs,
    // Dead letters are reported to the head office (dead-letter-reports.ts).
    onDeadLetter: (row, event, at) => reportDeadLetter(db.write, row, event, at),
    handlers: {
      'acrel.recharge': acrelRechargeHandler(sales, vendors.acrel),
      'sts.verify': stsVerifyHandler(sales),
      'headoffice.sale': headOfficeHandler(sales, {
        ...vendors.headOffice,
        // Each sync that reaches the head office renews the leases due and gives back idle ones.
        async pushSales(list, along) {
          const r = await vendors.headOffice.pushSales(list, along);
          if (r.kind === 'ok') void leases.maintain();
          return r;
        },
      }),
      [Z_REPORT_TOPIC]: zReportHandler(db, (z) => vendors.headOffice.pushZReport(z)),
      [DEAD_LETTER_TOPIC]: deadLetterHandler(db, (d) => vendors.headOffice.pushDeadLetter(d)),
      ...meterCommandTopics(db.write, meterVendors),
      'acrel.settle': acrelSettleHandler(sales, vendors.acrel),
    },
    probe: vendors.probe,
  });

  reconcileAtStartup(sales);
  const backupDir = config.backup.dir ?? path.join(config.dataDir, 'backups');
  const backup = async (reason: BackupReason) => {
    const r = await backupNow(db, backupDir, reason, now(), config.backup.keep);
    log.info({ file: r.file, bytes: r.bytes, reason }, 'database backed up');
    return r;
  };
  const stopBackups = scheduleBackups(() => backup('scheduled'), config.backup.intervalMinutes, log);
  const sessions = createSessionStore(config.sessionTtlMinutes * 60_000);
  const owner = () => masterDataOwner(db.read, config.masterData.headOffice);
  const masterData = createMasterDataSync({
    db, now, log, owner, client: () => vendorHolder.current().headOffice, intervalMs: config.masterData.pullMs,
    money: () => ({ currency: config.currency, currencyDecimals: config.currencyDecimals }),
    pageSize: opts.masterData?.pageSize, apply: opts.masterData?.apply,
    endSessions: (ids) => ids.forEach((id) => sessions.closeUser(id)),
  });
  const kick = () => worker.kick();
  // Every namespace answered by its own handlers file; the type says every channel is answered.
  const handlers: Handlers = {
    ...appHandlers(config, () => loadCounterSettings(db.read).number ?? null),
    ...authHandlers({ db, sessions, now }),
    ...usersHandlers({ db, sessions, now }),
    ...salesHandlers(sales),
    ...meterHandlers({ db, vendors: meterVendors, now, kick, config, keys, leasesGovern: () => leases.enrolled() }),
    ...tariffsHandlers({ db, now, get timeZone() { return config.timeZone; }, vendors: meterVendors, kick }),
    ...shiftsHandlers({ db, config, now, backup, log }),
    ...historyHandlers({ db, now }),
    ...customersHandlers({ db, now }),
    ...keysHandlers({ db, keys, now, timeZone: config.timeZone, enrolled: () => leases.enrolled() }),
    ...leasesHandlers({ leases }),
    ...outboxHandlers({ db, worker, now }),
    ...printingHandlers({ config, sales, printer }),
    ...vendorsHandlers({ db: db.write, store: vendorSettings, holder: vendorHolder, now, kick, enrol: { counterName: () => config.counterName, appVersion: appVersion() },
      onEnrolled: (userId) => {
        enrolledNow(userId, 'enrolled');
        void masterData.syncNow();
      },
      endSessions: (ids) => ids.forEach((id) => sessions.closeUser(id)) }),
    ...backupHandlers({ backup, log }),
    ...masterDataHandlers({ sync: masterData }),
    ...setupHandlers({ db, config, now, log, printer, vendorSettings, vendorHolder, kick, onCounterSaved: applyCounterSettings }),
  };
  const dispatch = createDispatcher(handlers, { validateOutputs: config.validateOutputs, log, gate: gates(setupGate(db.read), masterDataGate(owner)) });
  if (opts.startWorker !== false) worker.start();
  printQueue.start();
  if (opts.startWorker !== false) masterData.start();
  // The screens poll these on a timer: they must not keep an unattended till's session alive.
  const POLLS = new Set(['sync.status', 'masterData.status', 'receipts.problems', 'sales.pending', 'meters.commandStatus']);
  const call = (channel: string, input: unknown, token?: string) =>
    dispatch(channel, input, { token, session: sessions.get(token, !POLLS.has(channel)) });
  log.info({ channels: Object.keys(contract).length, db: db.file }, 'shahn started');

  return {
    config, db, log, worker, masterData, call, sales, backup,
    leases,
    async close() {
      clearInterval(leaseUpkeep);
      stopBackups();
      await masterData.stop();
      await printQueue.stop();
      await worker.stop();
      db.close();
      instance.release();
      await flushLogger(log);
    },
  };
}
