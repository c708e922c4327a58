// An import file is told apart by its first bytes, not by its name: a zip is an .xlsx workbook; an
// OLE compound file is an old .xls or a password-protected workbook (Excel encrypts into that
// container), which this import cannot read; anything else must be UTF-8 text, read as CSV.
import { err } from '../common/errors';
import { CsvError, parseCsv } from './csv';
import { readXlsx, type SheetRecord } from './xlsx';

/** The rows of a file, or the one reason it has none. */
export type ImportRows = { format: 'csv' | 'xlsx'; records: SheetRecord[] } | { format: 'csv'; unclosedQuoteAt: number };

export function csvRows(csv: string): ImportRows {
  try { return { format: 'csv', records: parseCsv(csv) }; } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    return { format: 'csv', unclosedQuoteAt: e.line };
  }
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (b: Buffer, sig: number[]) => b.length >= sig.length && sig.every((x, i) => b[i] === x);

export async function readImportFile(file: { name: string; base64: string }, headerColumn: string): Promise<ImportRows> {
  const bytes = Buffer.from(file.base64, 'base64');
  if (bytes.length === 0) throw err('BAD_INPUT', 'The file is empty.', 'الملف فارغ.');
  if (startsWith(bytes, ZIP)) return { format: 'xlsx', records: await readXlsx(bytes, headerColumn) };
  if (startsWith(bytes, OLE)) {
    throw err('BAD_INPUT', 'This is an old Excel file (.xls) or a workbook protected by a password. Open it in Excel, remove the password if there is one, and save it as "Excel Workbook (.xlsx)".',
      'هذا ملف Excel قديم (.xls) أو مصنف محمي بكلمة مرور. افتحه في Excel، وأزل كلمة المرور إن وُجدت، واحفظه بصيغة "مصنف Excel (.xlsx)".');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw err('BAD_INPUT', 'This file is neither an Excel workbook (.xlsx) nor a CSV text file in UTF-8.',
      'هذا الملف ليس مصنف Excel (.xlsx) ولا ملف CSV نصياً بترميز UTF-8.');
  }
  if (text.includes('\u0000')) {
    throw err('BAD_INPUT', 'This file is neither an Excel workbook (.xlsx) nor a CSV text file in UTF-8.', 'هذا الملف ليس مصنف Excel (.xlsx) ولا ملف CSV نصياً بترميز UTF-8.');
  }
  return csvRows(text);
}
