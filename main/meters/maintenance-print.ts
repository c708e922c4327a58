// Prints an engineering token the supervisor has just been given (main/meters/maintenance.ts).
// The digits are never stored (the audit keeps the TID only), so the screen sends them back with
// the meter and TID; they are printed only when that meter has an audited code with that TID, and
// everything else on the slip (action, purpose, expiry, who issued it) comes from the audit row,
// not from the caller. Same renderer and transport as receipts and the Z report; not queued — the
// supervisor is standing at the printer and sees the answer. Every print is audited (TID only).
import type { Bilingual, User } from '../../preload/contract';
import type { Db } from '../../db/open';
import { issuedMaintenanceCode } from '../../db/repos/audit';
import { findMeter } from '../../db/repos/meters';
import { appendAudit } from '../audit/append';
import type { AppConfig } from '../app/config';
import { err } from '../common/errors';
import { PrinterError, printerErrorMessage, renderEscPos, sendToPrinter } from '../printing';
import { buildMaintenanceReceipt, type MaintenanceTicket } from '../printing/maintenance-receipt';
import { loadPrinterSettings } from '../printing/settings';
import { tokenDigest } from './token-digest';

export async function printMaintenanceCode(
  d: { db: Db; config: AppConfig; now: () => Date },
  user: User,
  i: { meterNumber: string; tid: number; code: string },
): Promise<{ printed: boolean; copy: boolean; error: Bilingual | null }> {
  const meterNumber = i.meterNumber.replace(/[\s-]/g, '');
  const code = i.code.replace(/[\s-]/g, '');
  const row = issuedMaintenanceCode(d.db.read, meterNumber, i.tid);
  if (!row || !/^\d{20}$/.test(code)) {
    throw err('NOT_FOUND', `No engineering code with TID ${i.tid} was issued for meter ${meterNumber} at this counter.`, `لم يصدر من هذا المركز رمز هندسي برقم المعاملة ${i.tid} للعداد ${meterNumber}.`);
  }
  const issued = JSON.parse(row.details) as { purpose: MaintenanceTicket['purpose']; action: MaintenanceTicket['action']; powerLimitW: number | null; expiresAt: string; codeSha256?: string };
  if (issued.codeSha256 !== undefined && issued.codeSha256 !== tokenDigest(code)) {
    throw err('BAD_INPUT', `These 20 digits are not the engineering code issued for meter ${meterNumber} with TID ${i.tid}.`, `هذه الأرقام العشرون ليست الرمز الهندسي الصادر للعداد ${meterNumber} برقم المعاملة ${i.tid}.`);
  }
  const ticket: MaintenanceTicket = {
    meterNumber, code, tid: i.tid,
    customerName: findMeter(d.db.read, meterNumber)?.customerName ?? null,
    purpose: issued.purpose, action: issued.action, powerLimitW: issued.powerLimitW,
    issuedAt: row.at, expiresAt: issued.expiresAt, supervisor: row.display_name ?? user.displayName,
  };
  const s = loadPrinterSettings(d.db.read, d.config).settings;
  let result: { printed: boolean; copy: boolean; error: Bilingual | null };
  try {
    if (!s.iface) throw new PrinterError('NOT_CONFIGURED', 'no receipt printer is configured at this counter', '');
    const receipt = buildMaintenanceReceipt(ticket, { utilityName: s.utilityName, counterName: d.config.counterName, language: s.language, timeZone: d.config.timeZone });
    const bytes = await renderEscPos(receipt, { widthMm: s.widthMm, profile: s.profile });
    await sendToPrinter(bytes, s.iface, d.config.printer.timeoutMs, { checkPaper: s.profile === 'epson' });
    result = { printed: true, copy: false, error: null };
  } catch (e) {
    if (!(e instanceof PrinterError)) throw e;
    result = { printed: false, copy: false, error: printerErrorMessage(e.code) };
  }
  const w = d.db.write;
  w.transaction(() => {
    appendAudit(w, { at: d.now().toISOString(), userId: user.id, action: 'meter.maintenance_code_print', entity: 'meter', entityId: meterNumber, details: { tid: i.tid, printed: result.printed } });
  })();
  return result;
}
