// Granting and releasing meters' local-vending leases for a signed counter. Per meter: the meter
// must be an active STS meter of the master data whose SGC/KRN vending key the head office holds;
// then one statement decides the lease (db/leases.ts); a grant carries the meter's decoder key,
// derived here and encrypted for this counter only (lease-crypto.ts).
import type pg from 'pg';
import { masterRecord } from '../db/master-data';
import { grantLease, releaseLeases } from '../db/leases';
import { MasterMeterSchema } from '../../main/vendors/head-office/master-data-wire';
import { LEASE_SKEW_MARGIN_MS, type LeaseGrant, type LeaseRefusal, type LeaseRefusalCode, type LeaseReleaseResult, type LeaseResult } from '../../main/vendors/head-office/lease-wire';
import { sealDecoderKey } from '../../main/vendors/head-office/lease-crypto';
import { deriveDecoderKey, meterPan, StsError } from '../../main/sts';
import { vendingKeyState, withVendingKey } from './vending-keys';
import { wallTime } from './key-day';

export interface LeaseDeps {
  pool: pg.Pool;
  sealingKey: Buffer;
  leaseMs: number;
  now: () => number;
  /** HEAD_OFFICE_TIME_ZONE: a vending key's last day ends there, and so do the leases derived from it (default UTC). */
  timeZone?: string;
}

/** The counter asking, with its credentials (the decoder key is encrypted under its secret). */
export interface LeasingCounter { id: number; name: string; apiKey: string; apiSecret: string }

/** A Latin name or a time inside Arabic text, isolated so it keeps its own direction (FSI … PDI). */
const iso = (s: string) => `\u2068${s}\u2069`;


function refusal(meter: string, code: LeaseRefusalCode, en: string, ar: string, heldBy: LeaseRefusal['heldBy'] = null): LeaseRefusal {
  return { meter, code, message: { en, ar }, heldBy };
}

async function leaseOne(deps: LeaseDeps, counter: LeasingCounter, meter: string, at: Date): Promise<LeaseGrant | LeaseRefusal> {
  const rec = await masterRecord(deps.pool, 'meter', meter);
  const m = rec?.data === null || rec === undefined ? null : MasterMeterSchema.safeParse(rec.data);
  if (!m || !m.success) {
    return refusal(meter, 'UNKNOWN_METER', `Meter ${meter} is not in the head office's meter list: it cannot be vended offline.`,
      `العداد ${meter} غير موجود في قائمة عدادات المكتب الرئيسي: لا يمكن الشحن له دون اتصال.`);
  }
  if (!m.data.active) {
    return refusal(meter, 'METER_INACTIVE', `Meter ${meter} is deactivated at the head office: it cannot be vended offline.`,
      `العداد ${meter} موقوف في المكتب الرئيسي: لا يمكن الشحن له دون اتصال.`);
  }
  const sts = m.data.sts;
  if (m.data.kind !== 'sts' || sts === null) {
    return refusal(meter, 'NOT_STS', `Meter ${meter} is not an STS meter: its credit is never made on a counter.`,
      `العداد ${meter} ليس عداد STS: رصيده لا يُصدر على نقطة البيع.`);
  }
  const key = await vendingKeyState(deps.pool, sts.sgc, sts.krn, at, deps.timeZone);
  if (!key.usable) {
    const why = key.why === 'expired' ? { en: 'has expired', ar: 'انتهت صلاحيته' } : { en: 'is not loaded', ar: 'غير محمّل' };
    return refusal(meter, 'NO_VENDING_KEY', `The head office's vending key for SGC ${sts.sgc} KRN ${sts.krn} ${why.en}: meter ${meter} cannot be vended offline.`,
      `مفتاح الشحن في المكتب الرئيسي لـ SGC ${sts.sgc} و KRN ${sts.krn} ${why.ar}: لا يمكن الشحن للعداد ${meter} دون اتصال.`);
  }
  // The key certificate's attributes must be the meter's, or the derived key would be another meter's.
  if (key.row.keyType !== sts.keyType || key.row.dkga !== sts.dkga || key.row.ea !== sts.ea) {
    return refusal(meter, 'NO_VENDING_KEY', `The head office's vending key for SGC ${sts.sgc} KRN ${sts.krn} is for key type ${key.row.keyType}, DKGA${key.row.dkga}, EA${key.row.ea}, not this meter's: meter ${meter} cannot be vended offline.`,
      `مفتاح الشحن في المكتب الرئيسي لـ SGC ${sts.sgc} و KRN ${sts.krn} لنوع مفتاح ${key.row.keyType} و DKGA${key.row.dkga} و EA${key.row.ea}، لا لهذا العداد: لا يمكن الشحن للعداد ${meter} دون اتصال.`);
  }
  // Derived before the lease is taken: a meter number no decoder key can be bound to takes no lease.
  let decoderKey: string;
  try {
    decoderKey = withVendingKey(deps.sealingKey, key.row, (vendingKey) => deriveDecoderKey({
      dkga: sts.dkga, vendingKey, keyType: sts.keyType, sgc: sts.sgc, ti: sts.ti, krn: sts.krn, pan: meterPan(meter), baseDate: sts.baseDate, ea: sts.ea,
    }));
  } catch (e) {
    if (!(e instanceof StsError)) throw e;
    return refusal(meter, 'NOT_STS', `Meter number ${meter} is not a valid STS meter number: no decoder key can be made for it.`,
      `رقم العداد ${meter} ليس رقم عداد STS صالحًا: لا يمكن اشتقاق مفتاح له.`);
  }
  // A lease never outlasts its vending key's last day: the counter would vend under a key the
  // head office no longer uses.
  const g = await grantLease(deps.pool, { meter, counterId: counter.id, at, leaseMs: deps.leaseMs, marginMs: LEASE_SKEW_MARGIN_MS, vendingKeyId: key.row.id, notAfter: key.endsAt });
  if (!g.granted) {
    // In the utility's own time, the one its counters' clocks show (the cashier reads this).
    const until = wallTime(g.holder.expiresAt, deps.timeZone ?? 'UTC');
    return refusal(meter, 'HELD_ELSEWHERE', `Meter ${meter}'s offline sales are held by counter "${g.holder.counterName}" until ${until}.`,
      `البيع دون اتصال للعداد ${meter} محجوز لنقطة البيع ${iso(`"${g.holder.counterName}"`)} حتى ${iso(until)}.`,
      { counterName: g.holder.counterName, expiresAt: g.holder.expiresAt.toISOString() });
  }
  const expiresAt = g.expiresAt.toISOString();
  return {
    meter, grantedAt: g.grantedAt.toISOString(), expiresAt, generation: g.generation,
    keyData: { sgc: sts.sgc, ti: sts.ti, krn: sts.krn, keyType: sts.keyType, baseDate: sts.baseDate, ea: sts.ea, dkga: sts.dkga },
    vendingKey: { id: key.row.id, kcv: key.row.kcv },
    decoderKeySealed: sealDecoderKey(counter, meter, expiresAt, decoderKey),
  };
}

export async function acquireLeases(deps: LeaseDeps, counter: LeasingCounter, meters: readonly string[]): Promise<LeaseResult> {
  const at = new Date(deps.now());
  const granted: LeaseGrant[] = [];
  const refused: LeaseRefusal[] = [];
  // One meter at a time: each grant is its own statement, so a refusal never holds back another.
  for (const meter of [...new Set(meters)]) {
    const r = await leaseOne(deps, counter, meter, at);
    if ('decoderKeySealed' in r) granted.push(r);
    else refused.push(r);
  }
  return { granted, refused, serverTime: at.toISOString() };
}

/** Gives back the leases named at their generations; the others (renewed since, not held) are stale and untouched. */
export async function giveBackLeases(deps: Pick<LeaseDeps, 'pool' | 'now'>, counter: Pick<LeasingCounter, 'id'>, leases: readonly { meter: string; generation: number }[]): Promise<LeaseReleaseResult> {
  const released = await releaseLeases(deps.pool, counter.id, leases, new Date(deps.now()), 'counter');
  const stale = [...new Set(leases.map((l) => l.meter))].filter((m) => !released.includes(m)).sort();
  return { released, stale };
}
