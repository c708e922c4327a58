import { invoke, toFailure } from '../transport';
import type { Bilingual } from '../../preload/contract';

/** Print the Z report again (main marks it COPY). Returns what to say: printed or why not. */
export async function printZ(zNo: number): Promise<{ ok: boolean; error: Bilingual | null }> {
  try {
    const r = await invoke('shifts.printZ', { zNo });
    return { ok: r.printed, error: r.error };
  } catch (e) {
    return { ok: false, error: toFailure(e).error.message };
  }
}

/** Download the Z report's CSV as a file (the same text main wrote to <dataDir>/reports). */
export async function downloadZCsv(zNo: number): Promise<Bilingual | null> {
  try {
    const { csv, file } = await invoke('shifts.zCsv', { zNo });
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = file.split(/[\\/]/).pop() || `z-${zNo}.csv`;
    document.body.appendChild(a);
    a.click();
    a.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 1000);
    return null;
  } catch (e) {
    return toFailure(e).error.message;
  }
}
