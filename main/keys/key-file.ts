// A key file: how a vending key and its certificate's attributes arrive on a USB stick instead of
// being typed. Plain text, one `LABEL = value` a line (labels in any case; `#` starts a comment
// line; blank lines are ignored). Every label but EXPIRES and KCV is required, none may repeat,
// and an unknown label is refused (a typo must not drop an attribute silently):
//
//   SGC = 123456
//   KRN = 1
//   KEY_TYPE = 2
//   BASE_DATE = 2014
//   EA = 07
//   DKGA = 02
//   EXPIRES = 2030-12-31        (optional: the last day the key may be used)
//   KCV = C33F45                (optional: the certificate's KCV, checked against the key before it is stored)
//   VENDING_KEY = <16 or 32 hex digits>
import { z } from 'zod';
import { KeyAttributesSchema, type KeyAttributes } from '../../preload/contract';
import { err } from '../common/errors';

const LABELS = ['SGC', 'KRN', 'KEY_TYPE', 'BASE_DATE', 'EA', 'DKGA', 'EXPIRES', 'KCV', 'VENDING_KEY'] as const;
type Label = (typeof LABELS)[number];

const int = z.string().regex(/^\d{1,4}$/).transform(Number);
const FileSchema = z.object({
  SGC: z.string(), KRN: int, KEY_TYPE: int, BASE_DATE: int, EA: z.string(), DKGA: z.string(),
  EXPIRES: z.string().optional(), KCV: z.string().regex(/^[0-9a-fA-F]{6}$/).optional(), VENDING_KEY: z.string(),
}).strict();

export interface KeyFile { attributes: KeyAttributes; vendingKeyHex: string; expectedKcv: string | undefined }

const bad = (en: string, ar: string) => err('BAD_INPUT', `The key file cannot be read: ${en}`, `تعذرت قراءة ملف المفتاح: ${ar}`);

/** Parses a key file's text; a bilingual BAD_INPUT names the line or label that is wrong, never the key. */
export function parseKeyFile(text: string): KeyFile {
  const fields: Partial<Record<Label, string>> = {};
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const m = /^([A-Za-z_]+)\s*[=:]\s*(.*)$/.exec(line);
    const label = m?.[1]!.toUpperCase() as Label | undefined;
    if (!m || !label) throw bad(`line ${i + 1} is not "LABEL = value".`, `السطر ${i + 1} ليس بالشكل "الاسم = القيمة".`);
    if (!LABELS.includes(label)) throw bad(`line ${i + 1}: unknown label ${label}.`, `السطر ${i + 1}: اسم غير معروف ${label}.`);
    if (fields[label] !== undefined) throw bad(`${label} is given twice.`, `${label} مذكور مرتين.`);
    fields[label] = m[2]!.trim();
  }
  const missing = LABELS.filter((l) => l !== 'EXPIRES' && l !== 'KCV' && fields[l] === undefined);
  if (missing.length) throw bad(`${missing.join(', ')} missing.`, `ينقصه ${missing.join('، ')}.`);
  const f = FileSchema.safeParse(fields);
  const wrong = (issues: { path: PropertyKey[] }[]) => [...new Set(issues.map((x) => String(x.path[0])))].join(', ');
  if (!f.success) throw bad(`${wrong(f.error.issues)} not valid.`, `قيمة غير صالحة في ${wrong(f.error.issues)}.`);
  const attrs = KeyAttributesSchema.safeParse({
    sgc: f.data.SGC, krn: f.data.KRN, keyType: f.data.KEY_TYPE, baseDate: f.data.BASE_DATE, ea: f.data.EA, dkga: f.data.DKGA, expiresAt: f.data.EXPIRES ?? null,
  });
  if (!attrs.success) {
    const names: Record<string, string> = { sgc: 'SGC', krn: 'KRN', keyType: 'KEY_TYPE', baseDate: 'BASE_DATE', ea: 'EA', dkga: 'DKGA', expiresAt: 'EXPIRES' };
    const which = [...new Set(attrs.error.issues.map((x) => names[String(x.path[0])] ?? String(x.path[0])))].join(', ');
    throw bad(`${which} not valid.`, `قيمة غير صالحة في ${which}.`);
  }
  return { attributes: attrs.data, vendingKeyHex: f.data.VENDING_KEY, expectedKcv: f.data.KCV };
}
