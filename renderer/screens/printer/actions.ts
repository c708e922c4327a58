// Calls behind the printer screens: settings (supervisor), test page, and the print-job alert.
import { create } from 'zustand';
import type { PrintJob } from '../../../preload/contract';
import { invoke } from '../../transport';
import { useSaleFlow } from '../../stores/sale';
import { withApproval } from '../../actions/approval';

/** Receipts not printed yet, as the sell screen's alert shows them. */
export const usePrintProblems = create<{ jobs: PrintJob[]; busy: number | null; set(p: Partial<{ jobs: PrintJob[]; busy: number | null }>): void }>()((set) => ({
  jobs: [],
  busy: null,
  set: (p) => set(p),
}));

export async function refreshPrintProblems(): Promise<void> {
  try {
    const jobs = await invoke('receipts.problems', { limit: 20 });
    usePrintProblems.getState().set({ jobs });
    // The queue may have printed the receipt on screen by itself (the printer came back): show it.
    const sale = useSaleFlow.getState().sale;
    if (sale && sale.printStatus !== 'printed' && !jobs.some((j) => j.saleId === sale.id)) {
      const fresh = await invoke('sales.get', { id: sale.id });
      const s = useSaleFlow.getState();
      if (s.sale?.id === fresh.id && fresh.printStatus !== s.sale.printStatus) s.patch({ sale: fresh });
    }
  } catch {
    // The next poll tries again; a failed poll must not put a second alert on screen.
  }
}

/** Retry (same job) or Reprint (a COPY instead); the alert refreshes either way. */
export async function resolveJob(jobId: number, how: 'retry' | 'reprint') {
  usePrintProblems.getState().set({ busy: jobId });
  try {
    if (how === 'retry') return await invoke('receipts.retry', { jobId });
    const saleId = usePrintProblems.getState().jobs.find((j) => j.id === jobId)?.saleId ?? null;
    const r = await withApproval(saleId, (approvalToken) => invoke('receipts.reprint', { jobId, ...(approvalToken ? { approvalToken } : {}) }));
    return r ?? { printed: false, copy: false, error: null };
  } finally {
    usePrintProblems.getState().set({ busy: null });
    await refreshPrintProblems();
  }
}
