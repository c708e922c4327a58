import { useCustomers } from '../stores/customers';

/** The largest file the import takes (the contract's limit, checked here before reading it). */
const MAX_BYTES = 10 * 1024 * 1024;

const base64Of = (file: File) => new Promise<string>((resolve, reject) => {
  const r = new FileReader();
  r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
  r.onerror = () => reject(r.error ?? new Error('read failed'));
  r.readAsDataURL(file);
});

/**
 * A chosen file: CSV goes into the text box (it can be read and corrected there); anything else is
 * sent as it is for main to read (an .xlsx workbook; main tells files apart by their content).
 */
export async function chooseImportFile(file: File | undefined): Promise<void> {
  const { patch } = useCustomers.getState();
  patch({ report: null, reportFor: null, imported: null, error: null });
  if (!file) return;
  if (file.size > MAX_BYTES) {
    patch({ file: null, error: { en: 'The file is larger than 10 MB: split it into smaller files.', ar: 'الملف أكبر من 10 ميغابايت: قسّمه إلى ملفات أصغر.' } });
    return;
  }
  try {
    if (/\.csv$/i.test(file.name) || file.type === 'text/csv') patch({ file: null, csv: await file.text() });
    else patch({ file: { name: file.name, base64: await base64Of(file), bytes: file.size }, csv: '' });
  } catch {
    patch({ file: null, error: { en: 'The file could not be read.', ar: 'تعذرت قراءة الملف.' } });
  }
}

export function clearImportFile(): void {
  useCustomers.getState().patch({ file: null, report: null, reportFor: null, imported: null, error: null });
}
