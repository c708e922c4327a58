import { invoke, toFailure } from '../transport';
import { useCustomers } from '../stores/customers';
import type { Bilingual, MeterDetail } from '../../preload/contract';
import { refreshCustomers } from './customersSearch';

export interface StsDraft { sgc: string; ti: string; krn: string; keyType: string; baseDate: string; ea: string; dkga: string }
export interface MeterDraft { number: string; kind: 'sts' | 'acrel'; scheduleCode: string; groupCode: string; active: boolean; sts: StsDraft }

export const emptySts: StsDraft = { sgc: '', ti: '01', krn: '1', keyType: '2', baseDate: '2014', ea: '07', dkga: '02' };

function stsOf(d: StsDraft) {
  return {
    sgc: d.sgc.trim(), ti: d.ti.trim(), krn: Number(d.krn), keyType: Number(d.keyType),
    baseDate: Number(d.baseDate) as 1993 | 2014 | 2035, ea: d.ea as '07' | '11', dkga: d.dkga as '02' | '04',
  };
}

export type MeterSaveResult = { ok: true; meter: MeterDetail } | { ok: false; message: Bilingual; issues: string[] };

/** Create (existing null) or update a meter. Errors come back with main's field issues
 *  (check digit, SGC, tariff...) so the form shows them by the fields. */
export async function saveMeter(existing: MeterDetail | null, customerId: number | null, d: MeterDraft): Promise<MeterSaveResult> {
  try {
    const meter = existing
      ? await invoke('meters.update', { number: existing.number, customerId, active: d.active, ...(existing.kind === 'sts' ? { sts: stsOf(d.sts) } : {}) })
      : await invoke('meters.create', {
        number: d.number.trim(), kind: d.kind, customerId,
        ...(d.groupCode.trim() ? { groupCode: d.groupCode.trim() } : { scheduleCode: d.scheduleCode.trim() }),
        ...(d.kind === 'sts' ? { sts: stsOf(d.sts) } : {}),
      });
    useCustomers.getState().patch({ panel: { kind: 'meter', meter, customerId } });
    void refreshCustomers();
    return { ok: true, meter };
  } catch (e) {
    const f = toFailure(e);
    return { ok: false, message: f.error.message, issues: f.error.issues ?? [] };
  }
}

/** A meter of a customer -> its form with the full detail (STS key data). */
export async function openMeter(number: string, customerId: number | null): Promise<void> {
  try {
    const meter = await invoke('meters.detail', { meterNumber: number });
    useCustomers.getState().patch({ panel: { kind: 'meter', meter, customerId: meter.customer?.id ?? customerId }, error: null });
  } catch (e) {
    useCustomers.getState().patch({ error: toFailure(e).error.message });
  }
}
