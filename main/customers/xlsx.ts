// Reading the import sheet out of an .xlsx workbook (exceljs), cell by cell, into the same rows the
// CSV reader gives, so both go through one set of rules and one report. A cell is taken as Excel
// SHOWS it: text as typed; a whole number as its digits, with the leading zeros of a zero-padded
// format ("00000000000") put back. Cells whose meaning is not plain are refused, each with its own
// reason, instead of guessed at: formulas (their stored result may be stale), dates (Excel turns
// "1-2" into a date), TRUE/FALSE, error values (#N/A), and numbers too long for Excel to keep exact.
import ExcelJS from 'exceljs';
import type { Bilingual } from '../../preload/contract';
import { err } from '../common/errors';
import type { CsvRecord } from './csv';

/** A row of the sheet: its Excel row number, its cells as text, and what was special about them. */
export interface SheetRecord extends CsvRecord {
  /** Column indexes (0-based) of the cells Excel stored as numbers. */
  numeric?: Set<number>;
  /** Cells refused whole, by column index, with the reason. */
  refused?: Map<number, Bilingual>;
}

/** Uncompressed, at most this much: a small file that unpacks to gigabytes would stop the till. */
const MAX_UNPACKED = 200 * 1024 * 1024;
/** Excel keeps 15 significant digits of a number; anything longer was already rounded in Excel. */
const EXACT_DIGITS = 15;

const notWorkbook = () => err('BAD_INPUT', 'This file is not an Excel workbook (.xlsx) that can be read. Save it again from Excel as "Excel Workbook (.xlsx)".',
  'هذا الملف ليس مصنف Excel (.xlsx) قابلاً للقراءة. احفظه من Excel مرة أخرى بصيغة "مصنف Excel (.xlsx)".');

/**
 * The total uncompressed size the zip's central directory declares (null when it cannot be read).
 * Read before unpacking anything, so a zip bomb is refused without being inflated.
 */
export function zipUnpackedSize(buf: Buffer): number | null {
  const from = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= from; i--) if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  if (eocd < 0) return null;
  const entries = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return null;
    const size = buf.readUInt32LE(p + 24);
    if (size === 0xffffffff) return Number.POSITIVE_INFINITY; // zip64: far beyond any import sheet
    total += size;
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return total;
}

const msg = (en: string, ar: string): Bilingual => ({ en, ar });

type Cell = { text: string; numeric?: true } | { refused: Bilingual };

function cellOf(c: ExcelJS.Cell): Cell {
  const v = c.value;
  switch (c.type) {
    case ExcelJS.ValueType.Null: return { text: '' };
    case ExcelJS.ValueType.String: case ExcelJS.ValueType.SharedString: return { text: String(v) };
    case ExcelJS.ValueType.RichText: return { text: (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('') };
    case ExcelJS.ValueType.Hyperlink: return { text: String((v as ExcelJS.CellHyperlinkValue).text ?? '') };
    case ExcelJS.ValueType.Merge: return cellOf(c.master);
    case ExcelJS.ValueType.Number: {
      const n = v as number;
      if (!Number.isInteger(n)) return { text: String(n), numeric: true };
      const digits = String(Math.abs(n));
      if (!Number.isSafeInteger(n) || digits.length > EXACT_DIGITS) {
        return { refused: msg(`Excel holds this as a number and keeps only ${EXACT_DIGITS} digits of it, so it may already be wrong. Format the column as Text and type it again.`,
          `يحفظ Excel هذه القيمة كرقم ولا يحتفظ إلا بـ ${EXACT_DIGITS} رقماً منها، فقد تكون خاطئة. اجعل تنسيق العمود "نص" واكتبها من جديد.`) };
      }
      // A zero-padded number format is how Excel shows leading zeros on a number: keep what it shows.
      const pad = /^0+$/.test(c.numFmt ?? '') ? c.numFmt.length : 0;
      return { text: (n < 0 ? '-' : '') + digits.padStart(pad, '0'), numeric: true };
    }
    case ExcelJS.ValueType.Formula:
      return { refused: msg('This cell holds a formula. Copy the column and paste it back as values only.', 'تحتوي هذه الخلية على معادلة. انسخ العمود والصقه كقيم فقط.') };
    case ExcelJS.ValueType.Date:
      return { refused: msg('Excel turned this cell into a date. Format the column as Text and type the value again.', 'حوّل Excel هذه الخلية إلى تاريخ. اجعل تنسيق العمود "نص" واكتب القيمة من جديد.') };
    case ExcelJS.ValueType.Boolean:
      return { refused: msg('This cell holds TRUE/FALSE, not a value this import reads.', 'تحتوي هذه الخلية على TRUE/FALSE، وهي ليست قيمة يقرؤها الاستيراد.') };
    case ExcelJS.ValueType.Error:
      return { refused: msg(`This cell holds the error ${String((v as ExcelJS.CellErrorValue).error)}.`, `تحتوي هذه الخلية على الخطأ ${String((v as ExcelJS.CellErrorValue).error)}.`) };
    default:
      return { refused: msg('This cell cannot be read as text.', 'لا يمكن قراءة هذه الخلية كنص.') };
  }
}

const hasHeader = (ws: ExcelJS.Worksheet, column: string) => {
  let found = false;
  ws.getRow(1).eachCell((c) => { if (typeof c.value === 'string' && c.value.trim().toLowerCase() === column) found = true; });
  return found;
};

/**
 * The rows of the import sheet: the first visible worksheet whose first row names `headerColumn`,
 * else the first worksheet (whose header row the import then explains). Empty rows are skipped.
 */
export async function readXlsx(buf: Buffer, headerColumn: string): Promise<SheetRecord[]> {
  const unpacked = zipUnpackedSize(buf);
  if (unpacked === null) throw notWorkbook();
  if (unpacked > MAX_UNPACKED) {
    throw err('BAD_INPUT', `This workbook unpacks to more than ${MAX_UNPACKED / 1024 / 1024} MB: split it into smaller files.`,
      `يتجاوز حجم هذا المصنف بعد فك ضغطه ${MAX_UNPACKED / 1024 / 1024} ميغابايت: قسّمه إلى ملفات أصغر.`);
  }
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs types its input as its own Buffer (an ArrayBuffer); a copy of the bytes is one.
    await wb.xlsx.load(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ExcelJS.Buffer);
  } catch {
    throw notWorkbook();
  }
  const sheets = wb.worksheets;
  const ws = sheets.find((s) => s.state === 'visible' && hasHeader(s, headerColumn)) ?? sheets[0];
  if (!ws) throw notWorkbook();
  const out: SheetRecord[] = [];
  ws.eachRow({ includeEmpty: false }, (row, line) => {
    const fields: string[] = [];
    const rec: SheetRecord = { line, fields };
    row.eachCell({ includeEmpty: true }, (c, col) => {
      const k = col - 1;
      while (fields.length < k) fields.push('');
      const cell = cellOf(c);
      if ('refused' in cell) {
        fields[k] = '';
        (rec.refused ??= new Map()).set(k, cell.refused);
        return;
      }
      fields[k] = cell.text;
      if (cell.numeric) (rec.numeric ??= new Set()).add(k);
    });
    // Trailing empty cells (formatted but blank) are not fields: the width is the last one written.
    while (fields.length && fields.at(-1)!.trim() === '' && !rec.refused?.has(fields.length - 1)) fields.pop();
    if (fields.length || rec.refused) out.push(rec);
  });
  // A row stops at its last filled cell; up to the header's width the missing cells are empty ones.
  const width = out[0]?.fields.length ?? 0;
  for (const r of out) while (r.fields.length < width) r.fields.push('');
  return out;
}
