// meters.creditInfo: the counter's record of a meter's account beside what the meter's cloud holds
// (getCreditInfo), with every disagreement named. When the cloud cannot be asked, the counter's
// record alone, with a note saying why, in both languages.
import type { ReadDb } from '../../db/open';
import type { Bilingual, CloudCredit, CreditInfo } from '../../preload/contract';
import type { MeterVendors } from './vendors';
import type { VendorOutcome } from '../vendors/outcome';
import { creditDisagreements } from './credit-compare';
import { creditInfo } from './accounts';

/** A screen waits at most this long for the cloud. */
const CLOUD_WAIT_MS = 5_000;

const CLOUD = { sts: { en: 'STS vendor cloud', ar: 'منصة مزود STS' }, acrel: { en: 'Acrel meter cloud', ar: 'منصة عدادات Acrel' } };

type Raw =
  | { mode: CloudCredit['mode']; creditLimitMinor: number; balanceMinor: number; usedCreditMinor: number }
  | { mode: CloudCredit['mode']; creditLimitTenths: number; balanceTenths: number; usedCreditTenths: number };

function toCloud(v: Raw, readAt: string): CloudCredit {
  const money = 'creditLimitMinor' in v;
  return {
    mode: v.mode, readAt,
    creditLimitMinor: money ? v.creditLimitMinor : null, creditLimitTenths: money ? null : v.creditLimitTenths,
    balanceMinor: money ? v.balanceMinor : null, balanceTenths: money ? null : v.balanceTenths,
    usedCreditMinor: money ? v.usedCreditMinor : null, usedCreditTenths: money ? null : v.usedCreditTenths,
  };
}

function ask(vendors: MeterVendors, kind: 'sts' | 'acrel', meterNumber: string): Promise<VendorOutcome<Raw>> | null {
  const c = vendors[kind];
  if (!c) return null;
  const call = (c.getCreditInfo({ meterNumber }) as Promise<VendorOutcome<Raw>>).catch((e: Error) => ({ kind: 'unknown' as const, reason: e.message }));
  const late = new Promise<VendorOutcome<Raw>>((resolve) => setTimeout(resolve, CLOUD_WAIT_MS, { kind: 'unknown', reason: `no answer within ${CLOUD_WAIT_MS / 1000} s` }).unref());
  return Promise.race([call, late]);
}

export async function creditInfoWithCloud(db: ReadDb, vendors: MeterVendors, now: () => Date, meterNumber: string, money: (minor: number) => string): Promise<CreditInfo> {
  const local = creditInfo(db, meterNumber);
  const name = CLOUD[local.kind];
  const alone = (note: Bilingual): CreditInfo => ({ ...local, cloud: null, disagreements: [], cloudNote: note });
  const pending = ask(vendors, local.kind, local.meterNumber);
  if (!pending) {
    return alone({ en: `The ${name.en} is not configured at this counter: showing the counter's own record only.`, ar: `${name.ar} غير مهيأة في هذا المركز: يُعرض سجل نقطة البيع وحده.` });
  }
  const o = await pending;
  if (o.kind === 'unknown') {
    return alone({
      en: `The ${name.en} cannot be reached now (${o.reason}): showing the counter's own record only. It may be out of date.`,
      ar: `تعذر الوصول إلى ${name.ar} الآن (${o.reason}): يُعرض سجل نقطة البيع وحده، وقد لا يكون محدّثاً.`,
    });
  }
  if (o.kind === 'refused') {
    return alone({ en: `The ${name.en} did not give this meter's credit record: ${o.message.en} (${o.code}).`, ar: `لم تُعطِ ${name.ar} سجل ائتمان هذا العداد: ${o.message.ar} (${o.code}).` });
  }
  const cloud = toCloud(o.value, now().toISOString());
  return { ...local, cloud, disagreements: creditDisagreements(local, cloud, money), cloudNote: null };
}
