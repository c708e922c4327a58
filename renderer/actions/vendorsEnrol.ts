import type { Bilingual, VendorSettingsView } from '../../preload/contract';
import { invoke, toFailure } from '../transport';

export type EnrolResult = { ok: true; view: VendorSettingsView } | { ok: false; message: Bilingual; fields: string[] };

/** Admin: enrol this counter at the head office with the one-time code made there. */
export async function enrolHeadOffice(baseUrl: string, code: string): Promise<EnrolResult> {
  try {
    return { ok: true, view: await invoke('vendors.enrolHeadOffice', { baseUrl, code }) };
  } catch (e) {
    const fail = toFailure(e).error;
    return { ok: false, message: fail.message, fields: fail.code === 'BAD_INPUT' ? (fail.issues ?? []) : [] };
  }
}
