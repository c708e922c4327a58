// Handlers of the cashier's-day channels (preload/contract-day.ts): users and approvals, shifts
// with X/Z reports. History, customers, meters and keys are in registry-handlers.ts.
import type { dayChannels } from '../../preload/contract-day';
import type { SessionStore } from '../auth/sessions';
import { grantApproval } from '../auth/approval';
import type { BackupReason, BackupResult } from '../backup';
import type { AppConfig } from '../app/config';
import type { Handlers } from '../ipc/handlers';
import type { SalesDeps } from '../sales/ports';
import { closeShift, listZReports, xReport, zReport } from '../shifts/close';
import { listShifts, openShift, openShiftOf, registerCounter, saveShiftSettings, shiftSettings, toShift } from '../shifts/shifts';
import { printZ, writeZCsv } from '../shifts/z-output';
import { changeOwnPin, createUser, listUsers, setPin, unlockUser, updateUser } from '../users/admin';
import { registryHandlers } from './registry-handlers';
import { userOf } from '../ipc/user-of';

export interface DayDeps {
  config: AppConfig;
  sales: SalesDeps;
  sessions: SessionStore;
  backup: (reason: BackupReason) => Promise<BackupResult>;
}

export type DayHandlers = Pick<Handlers, keyof typeof dayChannels>;

export function dayHandlers(d: DayDeps): DayHandlers {
  const { sales, config } = d;
  const w = sales.db.write;
  const r = sales.db.read;
  const at = () => sales.now().toISOString();
  const money = { currency: config.currency, currencyDecimals: config.currencyDecimals };
  registerCounter(w, config.counterName);
  return {
    'users.list': ({ includeInactive }) => listUsers(r, includeInactive),
    'users.create': (i, ctx) => createUser(w, userOf(ctx), i, at()),
    'users.update': ({ id, ...change }, ctx) => {
      const { user, endSessions } = updateUser(w, userOf(ctx), id, change, at());
      if (endSessions) d.sessions.closeUser(id);
      return user;
    },
    'users.setPin': ({ id, pin }, ctx) => setPin(w, userOf(ctx), id, pin, at()),
    'users.unlock': ({ id }, ctx) => unlockUser(w, userOf(ctx), id, at()),
    'auth.changePin': ({ currentPin, newPin }, ctx) => {
      changeOwnPin(w, userOf(ctx), currentPin, newPin, at());
      return { ok: true as const };
    },
    'approvals.grant': (i, ctx) => grantApproval(w, userOf(ctx), i, sales.now()),

    'shifts.settings': () => shiftSettings(r),
    'shifts.saveSettings': (s, ctx) => saveShiftSettings(w, userOf(ctx), s, at()),
    'shifts.current': (_i, ctx) => { const s = openShiftOf(w, userOf(ctx).id); return s ? toShift(s) : null; },
    'shifts.open': ({ floatMinor }, ctx) => openShift(w, userOf(ctx), floatMinor, at()),
    'shifts.xReport': ({ shiftId }, ctx) => xReport(w, userOf(ctx), shiftId, money, at()),
    'shifts.close': async (i, ctx) => {
      const report = closeShift(w, userOf(ctx), i, money, at());
      const { file } = writeZCsv(config.dataDir, report);
      const print = await printZ(r, config, report, false);
      if (!print.printed) sales.log.warn({ zNo: report.zNo, err: print.error?.en }, 'Z report not printed');
      let backupFile: string | null = null;
      let backupError: { en: string; ar: string } | null = null;
      try {
        backupFile = (await d.backup('shift-close')).file;
      } catch (e) {
        sales.log.error({ zNo: report.zNo, err: (e as Error).message }, 'backup at shift close failed');
        backupError = { en: `The shift is closed, but the backup failed: ${(e as Error).message}`, ar: `أُغلقت الوردية، لكن النسخ الاحتياطي فشل: ${(e as Error).message}` };
      }
      return { report, print, csvFile: file, backupFile, backupError };
    },
    'shifts.list': ({ status, limit, offset }) => listShifts(r, status, limit, offset),
    'shifts.zReport': ({ zNo }, ctx) => zReport(r, userOf(ctx), zNo),
    'shifts.zReports': (i) => listZReports(r, i),
    'shifts.printZ': async ({ zNo }, ctx) => printZ(r, config, zReport(r, userOf(ctx), zNo), true),
    'shifts.zCsv': ({ zNo }, ctx) => writeZCsv(config.dataDir, zReport(r, userOf(ctx), zNo)),
    ...registryHandlers(d),
  };
}
