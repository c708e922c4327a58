// The import from an .xlsx workbook (made here with exceljs, the library the import reads with):
// the same report and the same rows as the equivalent CSV, cells refused one by one with their
// Excel row and why, leading zeros, files that are not workbooks, and a 10,000-row dry run.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../helpers/harness';
import { asFile, customerRows, IMPORT_HEADER, stsNumber, toCsv, toXlsx } from '../../helpers/import-sheet';
import { DEMO_STS_KEYS } from '../../sim/demo-data';
import { users, type Users } from '../day/helpers';

let h: Harness;
let u: Users;
beforeAll(async () => {
  h = await startHarness();
  u = await users(h);
});
afterAll(() => h.close());

const counts = () => h.app.db.read.prepare('SELECT (SELECT COUNT(*) FROM customers) AS c, (SELECT COUNT(*) FROM meters) AS m').get();
const meterRow = (number: string) => h.app.db.read.prepare(`SELECT m.number, m.kind, m.schedule_code, g.code AS group_code, m.sts_sgc, m.sts_ti, m.sts_krn, m.sts_key_type, m.sts_base_date,
    c.name, c.name_latin, c.phone, c.address FROM meters m LEFT JOIN customers c ON c.id = m.customer_id LEFT JOIN tariff_groups g ON g.id = m.tariff_group_id WHERE m.number = ?`).get(number);
const STS = [DEMO_STS_KEYS.sgc, DEMO_STS_KEYS.ti, String(DEMO_STS_KEYS.krn), String(DEMO_STS_KEYS.keyType), '2014'];

/** A workbook whose cells are set one by one (numbers, formats, formulas), the header in row 1. */
async function workbook(rows: ExcelJS.CellValue[][], formats: Record<string, string> = {}): Promise<{ name: string; base64: string }> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('meters');
  ws.addRow(IMPORT_HEADER);
  for (const r of rows) ws.addRow(r);
  for (const [ref, f] of Object.entries(formats)) ws.getCell(ref).numFmt = f;
  return asFile(Buffer.from(await wb.xlsx.writeBuffer()), 'meters.xlsx');
}

describe('import from .xlsx', () => {
  it('reports and imports exactly what the same rows as CSV do', async () => {
    const rows = customerRows(6, '051');
    const csv = toCsv(rows);
    const file = asFile(await toXlsx(rows), 'meters.xlsx');
    const before = counts();
    const fromCsv = await u.call('supervisor', 'customers.import', { csv, dryRun: true });
    const fromXlsx = await u.call('supervisor', 'customers.import', { file, dryRun: true });
    expect(fromCsv).toMatchObject({ ok: true, rows: 6, metersCreated: 6, customersCreated: 6, format: 'csv' });
    expect({ ...fromXlsx, format: 'csv' }).toEqual(fromCsv);
    expect(fromXlsx.format).toBe('xlsx');
    expect(counts()).toEqual(before);

    const real = await u.call('supervisor', 'customers.import', { file, dryRun: false });
    expect(real).toMatchObject({ dryRun: false, ok: true, metersCreated: 6, format: 'xlsx' });
    for (const r of rows) {
      expect(meterRow(r[0]!)).toEqual({
        number: r[0], kind: r[1], name: r[2], name_latin: r[3] || null, phone: r[4], address: r[5] || null,
        schedule_code: r[1] === 'sts' ? r[6] : expect.any(String), group_code: r[7] || null,
        sts_sgc: r[8] || null, sts_ti: r[9] || null, sts_krn: r[10] ? Number(r[10]) : null, sts_key_type: r[11] ? Number(r[11]) : null, sts_base_date: r[12] ? Number(r[12]) : null,
      });
    }
    // The CSV of the same rows now finds every meter already registered: the two are the same meters.
    const again = await u.call('supervisor', 'customers.import', { csv, dryRun: true });
    expect(again).toMatchObject({ ok: false, refusedRows: 6 });
    expect(again.errors.every((e) => /already registered/.test(e.message.en))).toBe(true);
    const audit = h.app.db.read.prepare(`SELECT details FROM audit_log WHERE action = 'customers.import' ORDER BY id DESC LIMIT 1`).get() as { details: string };
    expect(JSON.parse(audit.details)).toMatchObject({ format: 'xlsx', meters: 6 });
  });

  it('lists every refused row with its Excel row number, the column and why, in both languages, and writes nothing', async () => {
    const ok = stsNumber('0520000001');
    const zero = stsNumber('0520000002'); // starts with 0: as a number, Excel drops it
    const padded = stsNumber('0520000003');
    const file = await workbook([
      [ok, 'sts', 'سليم', null, '777111222', null, 'RES-TOU', null, ...STS], // row 2: fine
      [Number(zero), 'sts', 'زيد', null, null, null, 'RES-TOU', null, ...STS], // row 3: the 0 is gone
      [{ formula: 'A2', result: ok }, 'sts', 'عمر', null, null, null, 'RES-TOU', null, ...STS], // row 4: a formula
      ['202452000004', 'acrel', 'علي', null, new Date('2026-01-02'), null, null, 'FEEDER-3'], // row 5: a date
      [1234567890123456, 'acrel', 'هدى', null, null, null, null, 'FEEDER-3'], // row 6: 16 digits as a number
      ['202452000007', 'water', 'نور', null, null, null, 'RES-TOU'], // row 7: bad kind
      [ok, 'sts', 'مكرر', null, null, null, 'RES-TOU', null, ...STS], // row 8: repeats row 2
      ['202452000009', 'acrel', null, null, null, null, null, 'FEEDER-3'], // row 9: no name
      [Number(padded), 'sts', 'منى', null, null, null, 'RES-TOU', null, ...STS], // row 10: a number shown with its zero: fine
    ], { A10: '00000000000' });
    const before = counts();
    for (const dryRun of [true, false]) {
      const r = await u.call('supervisor', 'customers.import', { file, dryRun });
      expect(r).toMatchObject({ ok: false, rows: 9, metersCreated: 0, refusedRows: 7, format: 'xlsx' });
      const at = (line: number) => r.errors.filter((e) => e.line === line);
      expect(at(2)).toEqual([]);
      expect(at(10)).toEqual([]);
      expect(at(3)).toEqual([expect.objectContaining({ field: 'meter_number', message: expect.objectContaining({ en: expect.stringMatching(new RegExp(`leading zero \\(${zero}\\?\\)`)) }) })]);
      expect(at(4)[0]).toMatchObject({ field: 'meter_number', message: { en: expect.stringContaining('formula') } });
      expect(at(5)[0]).toMatchObject({ field: 'phone', message: { en: expect.stringContaining('date') } });
      expect(at(6)[0]).toMatchObject({ field: 'meter_number', message: { en: expect.stringContaining('15 digits') } });
      expect(at(7)[0]).toMatchObject({ field: 'kind' });
      expect(at(8)[0]!.message.en).toMatch(/line 2/);
      expect(at(9)[0]).toMatchObject({ field: 'customer_name_ar' });
      for (const e of r.errors) expect(e.message.ar).toMatch(/[\u0600-\u06FF]/);
      expect(counts()).toEqual(before);
    }
  });

  it('keeps leading zeros: text cells as typed, number cells as a zero-padded format shows them', async () => {
    const text = stsNumber('0530000001');
    const shown = stsNumber('0530000002');
    const file = await workbook([
      [text, 'sts', 'أمل', null, '0777000111', null, 'RES-TOU', null, ...STS],
      [Number(shown), 'sts', 'أمل', null, '0777000111', null, 'RES-TOU', null, ...STS],
    ], { A3: '00000000000' });
    const r = await u.call('supervisor', 'customers.import', { file, dryRun: false });
    expect(r).toMatchObject({ ok: true, metersCreated: 2, customersCreated: 1 });
    expect(meterRow(text)).toMatchObject({ number: text, phone: '0777000111' });
    expect(meterRow(shown)).toMatchObject({ number: shown });
    expect((await u.call('cashier', 'meters.lookup', { query: shown })).map((m) => m.number)).toContain(shown);
  });

  it('reads the sheet that holds the header when the first one does not, and a CSV sent as a file like CSV text', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('notes').addRow(['اقرأني أولاً']);
    const ws = wb.addWorksheet('meters');
    ws.addRow(IMPORT_HEADER);
    ws.addRow(['202454000001', 'acrel', 'ريم', null, null, null, null, 'FEEDER-3']);
    const r = await u.call('supervisor', 'customers.import', { file: asFile(Buffer.from(await wb.xlsx.writeBuffer()), 'two-sheets.xlsx'), dryRun: true });
    expect(r).toMatchObject({ ok: true, rows: 1, metersCreated: 1 });
    const csv = toCsv(customerRows(3, '055'));
    const asText = await u.call('supervisor', 'customers.import', { csv, dryRun: true });
    const asCsvFile = await u.call('supervisor', 'customers.import', { file: asFile(Buffer.from('\uFEFF' + csv), 'meters.csv'), dryRun: true });
    expect(asCsvFile).toEqual(asText);
  });

  it('refuses files that are not workbooks, old or password-protected ones, and bad calls, with bilingual reasons', async () => {
    const before = counts();
    const pdf = await u.fail('supervisor', 'customers.import', { file: asFile(Buffer.from([0x25, 0x50, 0x44, 0x46, 0xff, 0xfe, 0x00, 0x81, 0x90]), 'meters.xlsx'), dryRun: true });
    expect(pdf).toMatchObject({ code: 'BAD_INPUT', message: { en: expect.stringContaining('neither an Excel workbook') } });
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    expect((await u.fail('supervisor', 'customers.import', { file: asFile(ole, 'meters.xlsx'), dryRun: true })).message.en).toMatch(/password/);
    const brokenZip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 7)]);
    expect((await u.fail('supervisor', 'customers.import', { file: asFile(brokenZip, 'meters.xlsx'), dryRun: true })).message.en).toMatch(/not an Excel workbook/);
    const empty = await u.call('supervisor', 'customers.import', { file: asFile(await toXlsx([], []), 'empty.xlsx'), dryRun: true });
    expect(empty).toMatchObject({ ok: false, errors: [{ message: { en: 'The file is empty.' } }] });
    const badHeader = await u.call('supervisor', 'customers.import', { file: asFile(await toXlsx([['1']], ['رقم العداد']), 'h.xlsx'), dryRun: true });
    expect(badHeader.errors[0]).toMatchObject({ line: 1, message: { en: expect.stringContaining('header row') } });
    expect((await u.fail('supervisor', 'customers.import', { file: { name: 'meters.pdf', base64: 'AAAA' }, dryRun: true })).code).toBe('BAD_INPUT');
    expect((await u.fail('supervisor', 'customers.import', { file: { name: 'meters.xlsx', base64: 'not base64!' }, dryRun: true })).code).toBe('BAD_INPUT');
    expect((await u.fail('supervisor', 'customers.import', { csv: 'a', file: { name: 'meters.csv', base64: 'AAAA' } })).code).toBe('BAD_INPUT');
    expect((await u.fail('supervisor', 'customers.import', { dryRun: true })).code).toBe('BAD_INPUT');
    const tooBig = 'A'.repeat(Math.ceil((10 * 1024 * 1024) / 3) * 4 + 4);
    expect((await u.fail('supervisor', 'customers.import', { file: { name: 'big.xlsx', base64: tooBig } })).code).toBe('BAD_INPUT');
    expect((await u.fail('cashier', 'customers.import', { file: asFile(await toXlsx([]), 'm.xlsx'), dryRun: true })).code).toBe('FORBIDDEN');
    expect(counts()).toEqual(before);
  });

  it('a 10,000-row workbook goes through a whole dry run', async () => {
    const file = asFile(await toXlsx(customerRows(10_000, '056')), 'big.xlsx');
    const r = await u.call('supervisor', 'customers.import', { file, dryRun: true });
    expect(r).toMatchObject({ ok: true, dryRun: true, rows: 10_000, metersCreated: 10_000, customersCreated: 10_000, errorCount: 0, format: 'xlsx' });
  }, 60_000);
});
