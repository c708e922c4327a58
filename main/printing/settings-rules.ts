// What makes printer settings usable, with messages a supervisor can act on in either language.
// The contract already checked the shape (types, 58/80, epson/star); these are the rules zod
// cannot phrase bilingually on its own: each failing field gets its own Arabic/English sentence.
import { z } from 'zod';
import type { Bilingual, PrinterSettings } from '../../preload/contract';
import { err } from '../common/errors';
import { isPrinterAddress } from './address';

// One rule for the settings screen and for the moment of printing (main/printing/address.ts).
export { isPrinterAddress };

const ltr = (s: string) => `\u2066${s}\u2069`;

/** What this machine accepts as a printer address, said in both languages: a file is never one. */
function addressMessage(platform: NodeJS.Platform): Bilingual {
  if (platform === 'win32') {
    return {
      en: 'Printer address: use tcp://192.168.1.50:9100 (network printer), printer:NAME, a port such as COM3 or \\\\.\\COM3, or a shared printer such as \\\\server\\printer; never a file.',
      ar: `عنوان الطابعة: استخدم ${ltr('tcp://192.168.1.50:9100')} (طابعة شبكة) أو ${ltr('printer:NAME')} أو منفذاً مثل ${ltr('COM3')} أو ${ltr('\\\\.\\COM3')} أو طابعة مشتركة مثل ${ltr('\\\\server\\printer')}؛ وليس ملفاً أبداً.`,
    };
  }
  return {
    en: 'Printer address: use tcp://192.168.1.50:9100 (network printer), printer:NAME (a printer installed in the system) or a printer device: /dev/usb/lp0, /dev/lp0, /dev/ttyUSB0, /dev/ttyACM0 or /dev/ttyS0; never a file.',
    // LRI ... PDI keep each Latin example whole and left-to-right inside the Arabic sentence.
    ar: `عنوان الطابعة: استخدم ${ltr('tcp://192.168.1.50:9100')} (طابعة شبكة) أو ${ltr('printer:NAME')} (طابعة مثبتة في النظام) أو جهاز طابعة: ${['/dev/usb/lp0', '/dev/lp0', '/dev/ttyUSB0', '/dev/ttyACM0', '/dev/ttyS0'].map(ltr).join(' أو ')}؛ وليس ملفاً أبداً.`,
  };
}

const MESSAGES: Record<string, Bilingual> = {
  iface: addressMessage(process.platform),
  utilityName: { en: 'Utility name: enter it in Arabic and English (at most 60 characters each).', ar: 'اسم الجهة: أدخله بالعربية والإنجليزية (60 حرفاً على الأكثر لكل منهما).' },
  taxNumber: { en: 'Tax number: letters, digits, spaces and dashes only, at most 32.', ar: 'الرقم الضريبي: حروف وأرقام ومسافات وشرطات فقط، 32 على الأكثر.' },
  address: { en: 'Address: at most 120 characters in each language.', ar: 'العنوان: 120 حرفاً على الأكثر لكل لغة.' },
  footer: { en: 'Footer: at most 200 characters in each language.', ar: 'تذييل الإيصال: 200 حرف على الأكثر لكل لغة.' },
};

const name = z.string().trim().min(1).max(60);
const Rules = z.object({
  iface: z.string().refine((a) => isPrinterAddress(a)).nullable(),
  utilityName: z.object({ ar: name, en: name }),
  taxNumber: z.string().regex(/^[A-Za-z0-9 -]{1,32}$/).nullable(),
  address: z.object({ ar: z.string().max(120), en: z.string().max(120) }).nullable(),
  footer: z.object({ ar: z.string().max(200), en: z.string().max(200) }).nullable(),
});

/** Trims, turns blanks into "none", then checks; throws BAD_INPUT naming every bad field. */
export function checkPrinterSettings(input: PrinterSettings): PrinterSettings {
  const blank = (s: string | null) => (s === null || s.trim() === '' ? null : s.trim());
  const footer = input.footer && (input.footer.ar.trim() || input.footer.en.trim()) ? { ar: input.footer.ar.trim(), en: input.footer.en.trim() } : null;
  const address = input.address && (input.address.ar.trim() || input.address.en.trim()) ? { ar: input.address.ar.trim(), en: input.address.en.trim() } : null;
  const s: PrinterSettings = { ...input, iface: blank(input.iface), taxNumber: blank(input.taxNumber), address, footer, utilityName: { ar: input.utilityName.ar.trim(), en: input.utilityName.en.trim() } };
  const r = Rules.safeParse(s);
  if (r.success) return s;
  const fields = [...new Set(r.error.issues.map((i) => String(i.path[0])))];
  const msgs = fields.map((f) => MESSAGES[f] ?? { en: `${f} is not valid.`, ar: `${f} غير صالح.` });
  throw err('BAD_INPUT', msgs.map((m) => m.en).join(' '), msgs.map((m) => m.ar).join(' '), fields);
}
