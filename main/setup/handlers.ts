// setup.*: the first run, step by step (see progress.ts). Public channels: create-app's gate
// (gate.ts) refuses all but setup.status once a user exists, and each write checks it again in
// its own transaction. Vendor endpoints and the printer go through the same stores, rules and
// tests as Settings > Vendors and Settings > Printer; the company's name, address and tax number
// are the receipt text of the printer settings.
import type { Db } from '../../db/open';
import type { PrinterSettings, SetupPrinterInput } from '../../preload/contract';
import type { AppConfig } from '../app/config';
import { appendAudit } from '../audit/append';
import type { Logger } from '../common/logger';
import type { NamespaceHandlers } from '../ipc/handlers';
import type { ReceiptPrinter } from '../printing/port';
import { loadPrinterSettings, savePrinterSettings } from '../printing/settings';
import { printTestPage } from '../printing/test-print';
import type { VendorHolder } from '../vendors/holder';
import type { VendorSettingsStore } from '../vendors/settings/store';
import { testVendorConnection } from '../vendors/settings/test-connection';
import { loadCounterSettings, saveCounterSettings, type CounterSettings } from './counter-settings';
import { createFirstAdmin } from './first-admin';
import { assertSetupOpen, doneSteps, nextStep, runStep, setupNeeded } from './progress';
import { checkCompany, checkCounter, checkCurrency, checkTimeZone } from './rules';

export interface SetupDeps {
  db: Db;
  /** The configuration in force (printer defaults come from it). */
  config: AppConfig;
  now: () => Date;
  log: Logger;
  printer: ReceiptPrinter;
  vendorSettings: VendorSettingsStore;
  vendorHolder: VendorHolder;
  /** Wakes the outbox (messages may go through to a vendor just saved). */
  kick: () => void;
  /** The saved counter settings changed: the running app takes them on. */
  onCounterSaved: () => void;
}

const pickPrinter = (s: PrinterSettings): SetupPrinterInput => ({ iface: s.iface, widthMm: s.widthMm, profile: s.profile, language: s.language, cashDrawer: s.cashDrawer });

export function setupHandlers(d: SetupDeps): NamespaceHandlers<'setup'> {
  const w = d.db.write;
  const r = d.db.read;
  const at = () => d.now().toISOString();
  const printerNow = () => loadPrinterSettings(w, d.config).settings;
  const counterStep = (step: 'language' | 'counter' | 'currency' | 'timeZone' | 'vendors', patch: CounterSettings) => {
    const { step: done, next } = runStep(w, step, at(), { ...patch }, () => saveCounterSettings(w, patch, at()));
    d.onCounterSaved();
    return { step: done, next };
  };

  return {
    'setup.status': () => {
      if (!setupNeeded(r)) return { needed: false };
      const c = loadCounterSettings(r);
      const done = doneSteps(r);
      const printer = loadPrinterSettings(r, d.config).settings;
      return {
        needed: true,
        step: nextStep(r),
        done,
        saved: {
          language: c.locale ?? null,
          counter: c.name !== undefined && c.number !== undefined ? { name: c.name, number: c.number } : null,
          currency: c.currency !== undefined && c.currencyDecimals !== undefined ? { code: c.currency, decimals: c.currencyDecimals } : null,
          timeZone: c.timeZone ?? null,
          company: done.includes('company') ? { name: printer.utilityName, address: printer.address ?? null, taxNumber: printer.taxNumber } : null,
          vendors: { offlineOnly: c.offlineOnly ?? false, views: d.vendorSettings.views() },
          printer: pickPrinter(printer),
        },
      };
    },
    'setup.saveLanguage': ({ language }) => counterStep('language', { locale: language }),
    'setup.saveCounter': (i) => counterStep('counter', checkCounter(i)),
    'setup.saveCurrency': (i) => {
      const c = checkCurrency(i);
      return counterStep('currency', { currency: c.code, currencyDecimals: c.decimals });
    },
    'setup.saveTimeZone': ({ timeZone }) => counterStep('timeZone', { timeZone: checkTimeZone(timeZone) }),
    'setup.saveCompany': (i) => {
      const c = checkCompany(i);
      const { step, next } = runStep(w, 'company', at(), { ...c }, () =>
        savePrinterSettings(w, { ...printerNow(), utilityName: c.name, address: c.address, taxNumber: c.taxNumber }, null, at()));
      return { step, next };
    },
    'setup.saveVendor': ({ vendor, settings }) => {
      const view = w.transaction(() => {
        assertSetupOpen(w);
        return d.vendorSettings.save(vendor, settings, null, at());
      })();
      d.vendorHolder.replace(d.vendorSettings.effective());
      d.kick();
      return view;
    },
    'setup.testVendor': async ({ vendor }) => {
      const result = await testVendorConnection(vendor, d.vendorSettings.effective()[vendor], d.vendorHolder.xmlvendHost);
      w.transaction(() => {
        appendAudit(w, { at: at(), userId: null, action: 'vendor.test_connection', entity: 'vendor', entityId: vendor, details: { outcome: result.outcome, ms: result.ms, setup: true } });
      })();
      return result;
    },
    'setup.finishVendors': ({ offlineOnly }) => counterStep('vendors', { offlineOnly }),
    'setup.savePrinter': (i) => {
      const { step, next } = runStep(w, 'printer', at(), { iface: i.iface, widthMm: i.widthMm, profile: i.profile, language: i.language }, () =>
        savePrinterSettings(w, { ...printerNow(), ...i }, null, at()));
      return { step, next };
    },
    'setup.testPrinter': (i) => printTestPage({ db: w, printer: d.printer, now: d.now, log: d.log }, { ...printerNow(), ...i }, null),
    'setup.createAdmin': (i) => {
      const created = createFirstAdmin(w, { ...i, locale: i.locale ?? loadCounterSettings(r).locale ?? d.config.defaultLocale }, at());
      d.log.info({ username: created.username }, 'first administrator created: setup is over');
      return created;
    },
  };
}
