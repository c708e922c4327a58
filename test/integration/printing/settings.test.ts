// Printer settings live in the database, override the environment, apply to the next receipt,
// and only a supervisor may see or change them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeSetting } from '../../../db/repos/settings';
import type { PrinterSettings } from '../../../preload/contract';
import { decodeEscPos, rasters, textLines } from '../../helpers/escpos-decode';
import { startHarness, type Harness } from '../../helpers/harness';
import { jobsOf, sellSts } from './helpers';

let h: Harness;
const dirs: string[] = [];
afterEach(async () => {
  await h?.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A regular file with known content (a stand-in for anything a printer must never overwrite), and a symlink to it named like a printer. */
function victim(): { file: string; link: string; content: string; unchanged(): boolean } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shahn-victim-'));
  dirs.push(dir);
  const file = path.join(dir, 'precious.db');
  const content = 'not a printer: overwriting this would lose data';
  fs.writeFileSync(file, content);
  const mtime = fs.statSync(file).mtimeMs;
  const link = path.join(dir, 'lp0');
  fs.symlinkSync(file, link);
  return { file, link, content, unchanged: () => fs.readFileSync(file, 'utf8') === content && fs.statSync(file).mtimeMs === mtime };
}

const errorOf = async (channel: string, input: unknown) => {
  const r = await h.raw(channel, input);
  if (r.ok) throw new Error(`${channel} should have failed`);
  return r.error;
};

describe('printer settings', () => {
  it('start from the environment, and a saved change applies to the next receipt', async () => {
    h = await startHarness();
    await h.login('supervisor', '2222');
    const { settings, saved } = await h.call('printer.settings', {});
    expect(saved).toBe(false);
    expect(settings).toMatchObject({ iface: `tcp://127.0.0.1:${h.sims.printer.port}`, widthMm: 80, profile: 'epson', language: 'both', cashDrawer: true });

    await sellSts(h);
    const [first] = await h.sims.printer.waitForJobs(1, 5_000);
    expect(rasters(decodeEscPos(first!)).every((r) => r.width === 576)).toBe(true);
    expect(decodeEscPos(first!).some((o) => o.op === 'drawer')).toBe(true);

    const next: PrinterSettings = {
      ...settings, widthMm: 58, language: 'en', cashDrawer: false,
      utilityName: { ar: 'كهرباء الريف', en: 'Rural Power Co' }, taxNumber: '300-777', footer: { ar: '', en: 'Thank you' },
    };
    const stored = await h.call('printer.saveSettings', next);
    expect(stored.footer).toEqual({ ar: '', en: 'Thank you' });
    expect(await h.call('printer.settings', {})).toEqual({ settings: stored, saved: true });

    await sellSts(h, 2000);
    const [, second] = await h.sims.printer.waitForJobs(2, 5_000);
    const ops = decodeEscPos(second!);
    const text = textLines(ops).map((l) => l.text);
    expect(text).toContain('Rural Power Co');
    expect(text).toContain('Thank you');
    expect(text.some((l) => l.startsWith('Tax No.') && l.endsWith('300-777'))).toBe(true);
    expect(Math.max(...text.map((l) => l.length))).toBeLessThanOrEqual(32); // 58 mm: 32 columns
    expect(rasters(ops).every((r) => r.width === 384)).toBe(true);
    expect(ops.some((o) => o.op === 'drawer')).toBe(false);

    const audit = h.app.db.read.prepare(`SELECT details FROM audit_log WHERE action = 'settings.printer'`).all() as { details: string }[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.details).after.widthMm).toBe(58);
  });

  it('a cashier can neither read nor change them, nor print a test page', async () => {
    h = await startHarness();
    await h.login();
    expect((await errorOf('printer.settings', {})).code).toBe('FORBIDDEN');
    const e = await errorOf('printer.saveSettings', { iface: 'tcp://10.0.0.9:9100' });
    expect(e.code).toBe('FORBIDDEN');
    expect(e.message.ar).toContain('صلاحيتك');
    expect((await errorOf('printer.test', {})).code).toBe('FORBIDDEN');
    expect(h.app.db.read.prepare(`SELECT COUNT(*) AS n FROM settings WHERE key = 'printer'`).get()).toEqual({ n: 0 });
  });

  it('bad input is refused with a message in Arabic and English naming the field', async () => {
    h = await startHarness();
    await h.login('supervisor', '2222');
    const { settings } = await h.call('printer.settings', {});
    const bad = await errorOf('printer.saveSettings', { ...settings, iface: 'lp0', utilityName: { ar: ' ', en: 'X' } });
    expect(bad.code).toBe('BAD_INPUT');
    expect(bad.message.en).toMatch(/^Printer address: use tcp:\/\/.*Utility name/);
    expect(bad.message.ar).toMatch(/^عنوان الطابعة.*اسم الجهة/);
    expect(bad.issues).toEqual(['iface', 'utilityName']);
    const shape = await errorOf('printer.saveSettings', { ...settings, widthMm: 70 });
    expect(shape.code).toBe('BAD_INPUT');
    expect(shape.message.ar).toContain('الطلب غير صالح');
    expect(shape.issues?.[0]).toMatch(/^widthMm/);
    expect((await errorOf('printer.saveSettings', { ...settings, taxNumber: '<b>' })).message.en).toMatch(/^Tax number/);
    expect((await h.call('printer.settings', {})).saved).toBe(false); // nothing stored
  });

  it('a test page goes to the printer with the settings on screen, and a fault is reported plainly', async () => {
    h = await startHarness();
    await h.login('supervisor', '2222');
    const { settings } = await h.call('printer.settings', {});
    expect(await h.call('printer.test', { settings: { ...settings, widthMm: 58 } })).toEqual({ printed: true, copy: false, error: null });
    const [page] = await h.sims.printer.waitForJobs(1, 5_000);
    const ops = decodeEscPos(page!);
    expect(textLines(ops).map((l) => l.text.replace(/\s/g, ''))).toContain('12345678901234567890'.slice(0, 12));
    expect(rasters(ops).every((r) => r.width === 384)).toBe(true);
    await h.sims.printer.setFaults({ offline: true });
    const r = await h.call('printer.test', {});
    expect(r.printed).toBe(false);
    expect(r.error?.en).toMatch(/offline/);
    expect(r.error?.ar).toMatch(/غير متصلة/);
    expect(h.app.db.read.prepare('SELECT COUNT(*) AS n FROM print_jobs').get()).toEqual({ n: 0 }); // a test page is not a job
  });

  it('an address aimed at a file (a temp file, a symlink to one, the master key) is refused at save and test, and the file is untouched', async () => {
    h = await startHarness();
    await h.login('supervisor', '2222');
    const { settings } = await h.call('printer.settings', {});
    const v = victim();
    const masterKey = path.join(h.dataDir, 'keys', 'master.key');
    const key = fs.readFileSync(masterKey);
    for (const iface of [v.file, v.link, `/dev/..${v.file}`, masterKey]) {
      for (const channel of ['printer.saveSettings', 'printer.test'] as const) {
        const e = await errorOf(channel, channel === 'printer.test' ? { settings: { ...settings, iface } } : { ...settings, iface });
        expect(e.code).toBe('BAD_INPUT');
        expect(e.issues).toEqual(['iface']);
        // Says what IS accepted, in both languages.
        expect(e.message.en).toMatch(/^Printer address: .*tcp:\/\/.*printer:NAME.*\/dev\/usb\/lp0.*never a file/);
        expect(e.message.ar).toMatch(/^عنوان الطابعة: .*tcp:\/\/.*printer:NAME.*\/dev\/usb\/lp0.*ليس ملفاً/);
      }
    }
    expect(v.unchanged()).toBe(true);
    expect(fs.readFileSync(masterKey).equals(key)).toBe(true);
    expect((await h.call('printer.settings', {})).saved).toBe(false);
  });

  it('a file address stored by an older Shahn is refused when printing: the sale stands, the receipt waits, the file is untouched', async () => {
    h = await startHarness();
    await h.login('supervisor', '2222');
    const { settings } = await h.call('printer.settings', {});
    const v = victim();
    writeSetting(h.app.db.write, 'printer', { ...settings, iface: v.link }, new Date().toISOString());
    await h.login();
    const sale = await sellSts(h);
    expect(sale.status).toBe('issued');
    expect(jobsOf(h, sale.id)[0]).toMatchObject({ error_code: 'UNSUPPORTED' });
    expect(v.unchanged()).toBe(true);
  });

  it('a test page with unsaved settings is audited: who, which address, what came of it (refusals too)', async () => {
    h = await startHarness();
    await h.login('supervisor', '2222');
    const supervisor = h.app.db.read.prepare(`SELECT id FROM users WHERE username = 'supervisor'`).get() as { id: number };
    const { settings } = await h.call('printer.settings', {});
    await h.call('printer.test', { settings: { ...settings, widthMm: 58 } });
    const v = victim();
    expect((await errorOf('printer.test', { settings: { ...settings, iface: v.file } })).code).toBe('BAD_INPUT');
    const rows = h.app.db.read.prepare(`SELECT user_id, entity_id, details FROM audit_log WHERE action = 'printer.test' ORDER BY id`).all() as { user_id: number; entity_id: string; details: string }[];
    expect(rows.map((r) => ({ ...r, details: JSON.parse(r.details) }))).toEqual([
      { user_id: supervisor.id, entity_id: 'printer', details: { iface: settings.iface, unsaved: true, printed: true, error: null } },
      { user_id: supervisor.id, entity_id: 'printer', details: { iface: v.file, unsaved: true, printed: false, error: 'BAD_INPUT' } },
    ]);
    expect(v.unchanged()).toBe(true);
  });
});
