// shifts.*: a cashier's shift at this counter: the cash float, X reports, the blind count at close
// and its numbered Z report (printed, written as CSV, followed by a backup), and the shift setting.
import type { Db } from '../../db/open';
import type { AppConfig } from '../app/config';
import type { BackupReason, BackupResult } from '../backup';
import { requireUser, type NamespaceHandlers } from '../ipc/handlers';
import { closeShift, listZReports, xReport, zReport } from './close';
import { listShifts, openShift, openShiftOf, saveShiftSettings, shiftSettings, toShift } from './shifts';
import { printZ, writeZCsv } from './z-output';

export interface ShiftsDeps {
  db: Db;
  config: AppConfig;
  now: () => Date;
  backup: (reason: BackupReason) => Promise<BackupResult>;
  log: { warn(o: object, msg: string): void; error(o: object, msg: string): void };
}

export function shiftsHandlers(d: ShiftsDeps): NamespaceHandlers<'shifts'> {
  const { config } = d;
  const w = d.db.write;
  const r = d.db.read;
  const at = () => d.now().toISOString();
  // Read at each call: the first run's counter settings reach the running app (app/create-app.ts).
  const counter = () => config.counterName;
  const money = () => ({ currency: config.currency, currencyDecimals: config.currencyDecimals });
  return {
    'shifts.settings': () => shiftSettings(r),
    'shifts.saveSettings': (s, ctx) => saveShiftSettings(w, requireUser(ctx), s, at()),
    'shifts.current': (_i, ctx) => { const s = openShiftOf(w, requireUser(ctx).id, counter()); return s ? toShift(s) : null; },
    'shifts.open': ({ floatMinor }, ctx) => openShift(w, requireUser(ctx), floatMinor, at(), counter()),
    'shifts.xReport': ({ shiftId }, ctx) => xReport(w, requireUser(ctx), shiftId, money(), at(), counter()),
    'shifts.close': async (i, ctx) => {
      const report = closeShift(w, requireUser(ctx), i, money(), at(), counter());
      const { file } = writeZCsv(config.dataDir, report);
      const print = await printZ(r, config, report, false);
      if (!print.printed) d.log.warn({ zNo: report.zNo, err: print.error?.en }, 'Z report not printed');
      let backupFile: string | null = null;
      let backupError: { en: string; ar: string } | null = null;
      try {
        backupFile = (await d.backup('shift-close')).file;
      } catch (e) {
        d.log.error({ zNo: report.zNo, err: (e as Error).message }, 'backup at shift close failed');
        backupError = { en: `The shift is closed, but the backup failed: ${(e as Error).message}`, ar: `أُغلقت الوردية، لكن النسخ الاحتياطي فشل: ${(e as Error).message}` };
      }
      return { report, print, csvFile: file, backupFile, backupError };
    },
    'shifts.list': ({ status, limit, offset }) => listShifts(r, status, limit, offset),
    'shifts.zReport': ({ zNo }, ctx) => zReport(r, requireUser(ctx), zNo),
    'shifts.zReports': (i) => listZReports(r, i),
    'shifts.printZ': async ({ zNo }, ctx) => printZ(r, config, zReport(r, requireUser(ctx), zNo), true),
    'shifts.zCsv': ({ zNo }, ctx) => writeZCsv(config.dataDir, zReport(r, requireUser(ctx), zNo)),
  };
}
