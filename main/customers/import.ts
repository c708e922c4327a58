// The import of customers and their meters (supervisor), from CSV text or an .xlsx/.csv file: both
// become the same rows and go through the same rules. The whole file is validated first and every
// bad row is reported with its line (the Excel row number) and the reason in both languages; only a
// file without a single problem is written, in ONE transaction (all rows or none). dryRun only
// validates.
import type { ReadDb, WriteDb } from '../../db/open';
import type { Bilingual, User } from '../../preload/contract';
import { appendAudit } from '../audit/append';
import { customerKey, existingCustomers, insertCustomer } from './customers';
import { insertMeter, newMeterProblems, type NewMeter } from '../meters/rules';
import { normalise } from '../../db/normalize';
import { csvRows, readImportFile, type ImportRows } from './import-file';
import type { SheetRecord } from './xlsx';

export const IMPORT_COLUMNS = ['meter_number', 'kind', 'customer_name_ar', 'customer_name_latin', 'phone', 'address', 'schedule_code', 'group_code',
  'sts_sgc', 'sts_ti', 'sts_krn', 'sts_key_type', 'sts_base_date', 'sts_ea', 'sts_dkga'] as const;
type Col = (typeof IMPORT_COLUMNS)[number];
const REQUIRED: Col[] = ['meter_number', 'kind', 'customer_name_ar'];
const MAX_ROWS = 20_000;
const MAX_LISTED = 500;

interface ImportError { line: number; field: string | null; message: Bilingual }
interface Planned { line: number; meter: NewMeter; customerKey: string; customer: { nameAr: string; nameLatin: string | null; phone: string | null; address: string | null } }

const msg = (en: string, ar: string): Bilingual => ({ en, ar });

function stsOf(v: (c: Col) => string, problem: (f: Col, m: Bilingual) => void): NewMeter['sts'] {
  const sgc = v('sts_sgc'); const ti = v('sts_ti'); const krn = Number(v('sts_krn')); const kt = Number(v('sts_key_type')); const bd = Number(v('sts_base_date'));
  const ea = v('sts_ea') || '07'; const dkga = v('sts_dkga') || '02';
  if (!/^\d{6}$/.test(sgc)) problem('sts_sgc', msg('The SGC must be 6 digits.', 'يجب أن يكون SGC ستة أرقام.'));
  if (!/^\d{1,2}$/.test(ti)) problem('sts_ti', msg('The TI must be 1 or 2 digits.', 'يجب أن يكون TI رقماً أو رقمين.'));
  if (!/^[1-9]$/.test(v('sts_krn'))) problem('sts_krn', msg('The KRN must be 1 to 9.', 'يجب أن يكون KRN من 1 إلى 9.'));
  if (!/^[0-3]$/.test(v('sts_key_type'))) problem('sts_key_type', msg('The key type must be 0 to 3.', 'يجب أن يكون نوع المفتاح من 0 إلى 3.'));
  if (![1993, 2014, 2035].includes(bd)) problem('sts_base_date', msg('The base date must be 1993, 2014 or 2035.', 'يجب أن يكون تاريخ الأساس 1993 أو 2014 أو 2035.'));
  if (ea !== '07' && ea !== '11') problem('sts_ea', msg('The encryption algorithm must be 07 or 11.', 'يجب أن تكون خوارزمية التشفير 07 أو 11.'));
  if (dkga !== '02' && dkga !== '04') problem('sts_dkga', msg('The DKGA must be 02 or 04.', 'يجب أن تكون DKGA هي 02 أو 04.'));
  return { sgc, ti: ti.padStart(2, '0'), krn, keyType: kt, baseDate: bd as 1993 | 2014 | 2035, ea: ea as '07' | '11', dkga: dkga as '02' | '04' };
}

/** Rows of CSV text, or of a file told apart by its content (see import-file.ts). */
export async function importRows(source: { csv?: string | undefined; file?: { name: string; base64: string } | undefined }): Promise<ImportRows> {
  if (source.file) return readImportFile(source.file, IMPORT_COLUMNS[0]);
  return csvRows(source.csv ?? '');
}

/** An STS number that Excel stored as a number and that is one digit short: its leading zero was dropped. */
const lostZero = (kind: string, rec: SheetRecord, k: number, number: string) =>
  kind === 'sts' && rec.numeric?.has(k) === true && /^(\d{10}|\d{12})$/.test(number);

function plan(db: ReadDb, input: ImportRows): { rows: number; planned: Planned[]; errors: ImportError[] } {
  const errors: ImportError[] = [];
  if ('unclosedQuoteAt' in input) {
    return { rows: 0, planned: [], errors: [{ line: input.unclosedQuoteAt, field: null, message: msg('A quoted field is never closed (a missing ").', 'حقل بين علامتي تنصيص لم يُغلق (علامة " ناقصة).') }] };
  }
  const [header, ...rows] = input.records;
  if (!header) return { rows: 0, planned: [], errors: [{ line: 1, field: null, message: msg('The file is empty.', 'الملف فارغ.') }] };
  const cols = header.fields.map((h) => h.trim().toLowerCase());
  const unknown = cols.filter((c) => !(IMPORT_COLUMNS as readonly string[]).includes(c));
  const missing = REQUIRED.filter((c) => !cols.includes(c));
  if (unknown.length || missing.length || new Set(cols).size !== cols.length) {
    return { rows: rows.length, planned: [], errors: [{ line: header.line, field: null, message: msg(
      `The header row is wrong. Unknown: ${unknown.join(', ') || '-'}; missing: ${missing.join(', ') || '-'}. Columns: ${IMPORT_COLUMNS.join(', ')}.`,
      `سطر العناوين غير صحيح. غير معروف: ${unknown.join('، ') || '-'}؛ ناقص: ${missing.join('، ') || '-'}. الأعمدة: ${IMPORT_COLUMNS.join('، ')}.`) }] };
  }
  if (rows.length > MAX_ROWS) return { rows: rows.length, planned: [], errors: [{ line: header.line, field: null, message: msg(`At most ${MAX_ROWS} rows per file.`, `الحد الأقصى ${MAX_ROWS} سطر في الملف.`) }] };
  const index = new Map(cols.map((c, k) => [c, k]));
  const seen = new Map<string, number>();
  const planned: Planned[] = [];
  for (const r of rows) {
    const v = (c: Col) => { const k = index.get(c); return k === undefined ? '' : (r.fields[k] ?? '').trim(); };
    const problem = (field: Col | null, message: Bilingual) => void errors.push({ line: r.line, field, message });
    if (r.fields.length !== cols.length) { problem(null, msg(`This line has ${r.fields.length} fields, the header ${cols.length}.`, `في هذا السطر ${r.fields.length} حقول وفي سطر العناوين ${cols.length}.`)); continue; }
    if (r.refused) {
      for (const [k, why] of r.refused) problem((cols[k] ?? null) as Col | null, why);
      continue;
    }
    const before = errors.length;
    const kind = v('kind').toLowerCase();
    if (kind !== 'sts' && kind !== 'acrel') { problem('kind', msg('The kind must be "sts" or "acrel".', 'يجب أن يكون النوع "sts" أو "acrel".')); continue; }
    const number = normalise(v('meter_number')).replace(/[\s-]/g, '');
    if (lostZero(kind, r, index.get('meter_number')!, number)) {
      problem('meter_number', msg(`Excel stored meter number ${number} as a number and dropped its leading zero (0${number}?). Format the column as Text and type the numbers again, or give the cells the format 00000000000.`,
        `حفظ Excel رقم العداد ${number} كرقم وحذف الصفر في أوله (0${number}؟). اجعل تنسيق العمود "نص" وأعد كتابة الأرقام، أو أعطِ الخلايا التنسيق 00000000000.`));
      continue;
    }
    const nameAr = v('customer_name_ar');
    if (!nameAr) problem('customer_name_ar', msg('The customer name (Arabic) is required.', 'اسم المشترك (بالعربية) مطلوب.'));
    const phone = v('phone') || null;
    if (phone && !/^[+\d\s\u0660-\u0669-]{3,24}$/.test(phone)) problem('phone', msg('The phone number is not valid.', 'رقم الهاتف غير صالح.'));
    if (v('schedule_code') && v('group_code')) problem('schedule_code', msg('Give a tariff or a group, not both.', 'حدد التعرفة أو المجموعة، وليس كليهما.'));
    const sts = kind === 'sts' ? stsOf(v, problem) : undefined;
    if (kind === 'acrel' && (['sts_sgc', 'sts_ti', 'sts_krn', 'sts_key_type', 'sts_base_date'] as Col[]).some((c) => v(c))) problem('sts_sgc', msg('A cloud meter has no STS key data.', 'العداد السحابي ليس له بيانات مفتاح STS.'));
    const meter: NewMeter = { number, kind, customerId: null, ...(v('group_code') ? { groupCode: v('group_code') } : { scheduleCode: v('schedule_code') }), ...(sts ? { sts } : {}) };
    if (errors.length === before) for (const p of newMeterProblems(db, meter)) problem(p.field as Col, p.message);
    const dup = seen.get(number);
    if (dup !== undefined) problem('meter_number', msg(`Meter ${number} is also on line ${dup}.`, `العداد ${number} مكرر في السطر ${dup}.`));
    else seen.set(number, r.line);
    if (errors.length === before) {
      planned.push({ line: r.line, meter, customerKey: customerKey(nameAr, phone),
        customer: { nameAr, nameLatin: v('customer_name_latin') || null, phone, address: v('address') || null } });
    }
  }
  return { rows: rows.length, planned, errors };
}

export function importCustomers(db: WriteDb, by: User, input: ImportRows, dryRun: boolean, at: string) {
  const run = () => {
    const { rows, planned, errors } = plan(db, input);
    // The existing customers by the key the import matches on (by the search index for a small
    // import, or the whole register once for a big one).
    const existing = planned.length ? existingCustomers(db, planned.map((p) => ({ name: p.customer.nameAr, phone: p.customer.phone }))) : new Map<string, number>();
    const ids = new Map<string, number | null>();
    let reused = 0;
    for (const p of planned) {
      if (ids.has(p.customerKey)) continue;
      const id = existing.get(p.customerKey) ?? null;
      if (id !== null) reused++;
      ids.set(p.customerKey, id);
    }
    const report = { dryRun, ok: errors.length === 0, rows, customersCreated: [...ids.values()].filter((v) => v === null).length, customersReused: reused,
      metersCreated: errors.length ? 0 : planned.length, errors: errors.slice(0, MAX_LISTED), errorCount: errors.length,
      refusedRows: new Set(errors.map((e) => e.line)).size, format: input.format };
    if (dryRun || errors.length) return report;
    for (const p of planned) {
      let id = ids.get(p.customerKey) ?? null;
      if (id === null) { id = insertCustomer(db, p.customer, at); ids.set(p.customerKey, id); }
      insertMeter(db, { ...p.meter, customerId: id }, at);
    }
    appendAudit(db, { at, userId: by.id, action: 'customers.import', entity: 'import', details: { format: input.format, rows, customers: report.customersCreated, reused, meters: planned.length } });
    return report;
  };
  // Validation and writing happen in one transaction: nothing can change between them, and a
  // failure part-way leaves nothing behind.
  return db.transaction(run)();
}
