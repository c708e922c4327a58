// A Z report leaves the machine two ways: printed on the counter's receipt printer (the receipt
// model of main/printing/z-report.ts through the same ESC/POS renderer and transport as receipts;
// a failure never touches the stored report, it can be printed again) and as CSV (UTF-8 with a
// BOM so spreadsheet programs show the Arabic), also written to <dataDir>/reports.
import fs from 'node:fs';
import path from 'node:path';
import type { ReadDb } from '../../db/open';
import type { Bilingual, ZReport } from '../../preload/contract';
import type { AppConfig } from '../app/config';
import { PrinterError, printerErrorMessage, renderEscPos, sendToPrinter } from '../printing';
import { buildZReport } from '../printing/z-report';
import { loadPrinterSettings } from '../printing/settings';

export async function printZ(db: ReadDb, config: AppConfig, z: ZReport, copy: boolean): Promise<{ printed: boolean; copy: boolean; error: Bilingual | null }> {
  const s = loadPrinterSettings(db, config).settings;
  try {
    if (!s.iface) throw new PrinterError('NOT_CONFIGURED', 'no receipt printer is configured at this counter', '');
    const receipt = buildZReport(z, { utilityName: s.utilityName, language: s.language, timeZone: config.timeZone }, { copy });
    const bytes = await renderEscPos(receipt, { widthMm: s.widthMm, profile: s.profile });
    await sendToPrinter(bytes, s.iface, config.printer.timeoutMs, { checkPaper: s.profile === 'epson' });
    return { printed: true, copy, error: null };
  } catch (e) {
    if (!(e instanceof PrinterError)) throw e;
    return { printed: false, copy, error: printerErrorMessage(e.code) };
  }
}

const cell = (v: string | number | null) => {
  const s = v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** One table: section, name_en, name_ar, count, amount_minor, energy_tenths, detail. */
export function zCsv(z: ZReport): string {
  const rows: (string | number | null)[][] = [['section', 'name_en', 'name_ar', 'count', 'amount_minor', 'energy_tenths', 'detail']];
  const add = (section: string, b: Bilingual | string, count: number | null, amount: number | null, energy: number | null = null, detail: string | null = null) =>
    rows.push([section, typeof b === 'string' ? b : b.en, typeof b === 'string' ? b : b.ar, count, amount, energy, detail]);
  const t = z.totals;
  add('report', 'z_no', null, null, null, String(z.zNo));
  add('report', 'counter', null, null, null, z.counter);
  add('report', 'cashier', null, null, null, z.shift.cashier);
  add('report', 'opened_at', null, null, null, z.shift.openedAt);
  add('report', 'closed_at', null, null, null, z.closedAt);
  add('report', 'closed_by', null, null, null, z.closedBy.displayName);
  add('report', 'currency', null, null, null, `${z.currency}/${z.currencyDecimals}`);
  add('report', 'hash', null, null, null, z.hash);
  add('total', 'sales', t.salesCount, t.chargedMinor, t.energyTenths);
  add('total', 'tokens_issued', t.tokensIssued, null);
  add('total', 'credit_sold', null, t.creditMinor);
  for (const p of t.byProduct) add('product', p.product, p.count, p.chargedMinor, p.energyTenths, `value_minor=${p.valueMinor}`);
  for (const p of t.byPaymentMethod) add('payment_method', p.method, p.count, p.chargedMinor);
  for (const p of t.byTariffPeriod) add('tariff_period', { en: `${p.scheduleCode} ${p.periodName.en}`, ar: `${p.scheduleCode} ${p.periodName.ar}` }, p.count, p.chargedMinor, p.energyTenths);
  for (const d of t.byDeduction) add('deduction', d.kind, null, d.amountMinor);
  for (const s of t.byStatus) add('status', s.status, s.count, null);
  add('cash', 'float', null, t.cash.floatMinor);
  add('cash', 'cash_sales', null, t.cash.salesMinor);
  add('cash', 'expected', null, z.expectedCashMinor);
  add('cash', 'counted', null, z.countedCashMinor);
  add('cash', 'variance', null, z.varianceMinor, null, z.note);
  for (const s of [...t.open, ...t.failed]) add(`sale_${s.status}`, s.meterNumber, s.receiptNo, s.chargedMinor, null, `${s.saleId} ${s.product} ${s.paymentMethod} ${s.createdAt}`);
  return `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

export function zCsvFileName(zNo: number): string {
  return `z-report-${String(zNo).padStart(6, '0')}.csv`;
}

/** Writes (or rewrites the same content of) the report's CSV into <dataDir>/reports; returns the path. */
export function writeZCsv(dataDir: string, z: ZReport): { csv: string; file: string } {
  const dir = path.join(dataDir, 'reports');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, zCsvFileName(z.zNo));
  const csv = zCsv(z);
  fs.writeFileSync(`${file}.tmp`, csv);
  fs.renameSync(`${file}.tmp`, file);
  return { csv, file };
}
