// Import files made in the test: the same rows as CSV text or as an .xlsx workbook (exceljs, the
// library the import reads with), so a test can compare the two and a bench can time them.
import ExcelJS from 'exceljs';
import { luhnDigit } from '../../main/sts';
import { DEMO_STS_KEYS } from '../sim/demo-data';

export const IMPORT_HEADER = ['meter_number', 'kind', 'customer_name_ar', 'customer_name_latin', 'phone', 'address', 'schedule_code', 'group_code',
  'sts_sgc', 'sts_ti', 'sts_krn', 'sts_key_type', 'sts_base_date'];

/** A valid STS meter number (11 digits, check digit last) from a 10-digit serial. */
export const stsNumber = (serial: string) => serial + String(luhnDigit(serial));

/**
 * `n` rows of new customers, each with one meter: every other row an STS meter (with key data)
 * on the demo tariff, the others cloud meters in the demo group. `prefix` keeps runs apart.
 */
export function customerRows(n: number, prefix = '047'): string[][] {
  const rows: string[][] = [];
  for (let i = 0; i < n; i++) {
    const serial = `${prefix}${String(i).padStart(10 - prefix.length, '0')}`;
    const name = `مشترك ${prefix}-${i}`;
    const phone = `7${prefix}${String(i).padStart(6, '0')}`;
    rows.push(i % 2 === 0
      ? [stsNumber(serial), 'sts', name, `Customer ${i}`, phone, 'صنعاء', 'RES-TOU', '', DEMO_STS_KEYS.sgc, DEMO_STS_KEYS.ti, String(DEMO_STS_KEYS.krn), String(DEMO_STS_KEYS.keyType), '2014']
      : [`2${serial}1`, 'acrel', name, '', phone, '', '', 'FEEDER-3', '', '', '', '', '']);
  }
  return rows;
}

const quote = (f: string) => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);
export const toCsv = (rows: string[][], header = IMPORT_HEADER) => [header, ...rows].map((r) => r.map(quote).join(',')).join('\r\n');

/** A workbook of one sheet; every cell is a text cell unless `cell` says otherwise. */
export async function toXlsx(rows: (string | ExcelJS.CellValue)[][], header: string[] = IMPORT_HEADER, sheet = 'meters'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r.map((v) => (v === '' ? null : v)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const asFile = (bytes: Buffer, name: string) => ({ name, base64: bytes.toString('base64') });
