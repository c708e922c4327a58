// Printer settings: the environment (app/config.ts) gives the defaults, the settings table
// overrides them once a supervisor saves the Settings > Printer screen. Read on every print, so a
// change takes effect on the next receipt without a restart.
import type { ReadDb, WriteDb } from '../../db/open';
import { PrinterSettingsSchema, type PrinterSettings } from '../../preload/contract';
import { readSetting, writeSetting } from '../../db/repos/settings';
import { appendAudit } from '../audit/append';
import type { AppConfig } from '../app/config';
import { checkPrinterSettings } from './settings-rules';

export const PRINTER_KEY = 'printer';

export function defaultPrinterSettings(config: AppConfig): PrinterSettings {
  return {
    iface: config.printer.iface,
    widthMm: config.printer.widthMm,
    profile: config.printer.profile,
    language: config.printer.language,
    utilityName: config.utilityName,
    taxNumber: config.taxNumber,
    footer: config.receiptFooter,
    cashDrawer: true,
  };
}

/** The settings in force and whether they came from the database (false = environment defaults). */
export function loadPrinterSettings(db: ReadDb, config: AppConfig): { settings: PrinterSettings; saved: boolean } {
  const stored = PrinterSettingsSchema.safeParse(readSetting(db, PRINTER_KEY));
  // A row that no longer parses (hand-edited, older shape) must not stop the till from printing.
  return stored.success ? { settings: stored.data, saved: true } : { settings: defaultPrinterSettings(config), saved: false };
}

/** Validates, stores and audits in one transaction; returns what was stored. */
export function savePrinterSettings(db: WriteDb, input: PrinterSettings, userId: number | null, at: string): PrinterSettings {
  const s = checkPrinterSettings(input);
  db.transaction(() => {
    const before = readSetting(db, PRINTER_KEY) ?? null;
    writeSetting(db, PRINTER_KEY, s, at);
    appendAudit(db, { at, userId, action: 'settings.printer', entity: 'settings', entityId: PRINTER_KEY, details: { before, after: s } });
  })();
  return s;
}
