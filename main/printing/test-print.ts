// printer.test: a test page with the saved settings, or with the settings still on the screen.
// The latter sends bytes to an address nobody has saved (so no settings.printer audit row names
// it): every such try is audited — who, which address, what came of it — refusals included, since
// aiming "the printer" at a file is exactly the attempt an auditor wants to see.
import type { WriteDb } from '../../db/open';
import type { Bilingual, PrinterSettings } from '../../preload/contract';
import { appendAudit } from '../audit/append';
import { AppError } from '../common/errors';
import { PrinterError, printerErrorMessage } from './errors';
import type { ReceiptPrinter } from './port';
import { checkPrinterSettings } from './settings-rules';

export interface TestPageDeps {
  db: WriteDb;
  printer: ReceiptPrinter;
  now: () => Date;
  log: { warn(o: object, m: string): void };
}

type Outcome = { printed: boolean; copy: false; error: Bilingual | null };

export async function printTestPage(d: TestPageDeps, unsaved: PrinterSettings | undefined, userId: number | null): Promise<Outcome> {
  const audit = (printed: boolean, error: string | null) =>
    d.db.transaction(() => {
      appendAudit(d.db, { at: d.now().toISOString(), userId, action: 'printer.test', entity: 'settings', entityId: 'printer', details: { iface: unsaved?.iface ?? null, unsaved: true, printed, error } });
    })();
  let s: PrinterSettings;
  try {
    s = unsaved ? checkPrinterSettings(unsaved) : d.printer.settings();
  } catch (e) {
    if (unsaved && e instanceof AppError) audit(false, e.code);
    throw e;
  }
  try {
    await d.printer.testPage(s, d.now());
    if (unsaved) audit(true, null);
    return { printed: true, copy: false, error: null };
  } catch (e) {
    if (unsaved) audit(false, e instanceof PrinterError ? e.code : 'INTERNAL');
    if (!(e instanceof PrinterError)) throw e;
    d.log.warn({ code: e.code, err: e.message }, 'test page not printed');
    return { printed: false, copy: false, error: printerErrorMessage(e.code) };
  }
}
