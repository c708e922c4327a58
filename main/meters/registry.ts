// Registering meters (supervisor): create with its customer, tariff (own schedule or a
// group) and STS key data; edit customer, key data and active. Vending keys themselves live in
// the sealed key store (main/keys) and are never returned; a meter only says whether its key is there.
import type { ReadDb, WriteDb } from '../../db/open';
import type { MeterDetail, User } from '../../preload/contract';
import { meterDetailRow, setKeyChangeFrom, updateMeterRow, type MeterDetailRow, type StsKeyData } from '../../db/repos/meters';
import { appendAudit } from '../audit/append';
import { err } from '../common/errors';
import type { VendingKeyStore } from '../keys';
import { customerExists } from '../../db/repos/customers';
import { compactMeter } from '../../db/normalize';
import { insertMeter, newMeterProblems, type NewMeter } from './rules';

export function meterDetail(db: ReadDb, keys: VendingKeyStore, number: string): MeterDetail {
  const r = meterDetailRow(db, compactMeter(number));
  if (!r) throw err('METER_NOT_FOUND', `No meter ${number} is registered at this counter.`, `العداد ${number} غير مسجل في هذا المركز.`);
  const sts = r.kind === 'sts'
    ? { sgc: r.sts_sgc!, ti: r.sts_ti!, krn: r.sts_krn!, keyType: r.sts_key_type!, baseDate: r.sts_base_date!, ea: r.sts_ea ?? '07', dkga: r.sts_dkga ?? '02', lastTid: r.sts_last_tid }
    : null;
  return {
    number: r.number, kind: r.kind, active: r.active === 1,
    customer: r.customer_id === null ? null : { id: r.customer_id, nameAr: r.c_name!, nameLatin: r.c_latin, phone: r.c_phone },
    scheduleCode: r.schedule_code, groupCode: r.group_code, paymentMode: r.payment_mode, sts,
    hasVendingKey: sts ? keys.has({ sgc: sts.sgc, krn: sts.krn }) : null, createdAt: r.created_at,
  };
}

const noCustomer = () => err('NOT_FOUND', 'There is no such customer.', 'لا يوجد مشترك بهذا الرقم.');

export function createMeter(db: WriteDb, keys: VendingKeyStore, by: User, m: NewMeter, at: string): MeterDetail {
  const meter = { ...m, number: compactMeter(m.number) };
  return db.transaction(() => {
    if (meter.customerId !== null && !customerExists(db, meter.customerId)) throw noCustomer();
    const problems = newMeterProblems(db, meter);
    if (problems.length) {
      const p = problems[0]!;
      throw err(p.code ?? 'BAD_INPUT', problems.map((x) => x.message.en).join(' '), problems.map((x) => x.message.ar).join(' '));
    }
    insertMeter(db, meter, at);
    appendAudit(db, { at, userId: by.id, action: 'meter.create', entity: 'meter', entityId: meter.number,
      details: { kind: meter.kind, customerId: meter.customerId, scheduleCode: meter.scheduleCode ?? null, groupCode: meter.groupCode ?? null, sts: meter.sts ?? null } });
    return meterDetail(db, keys, meter.number);
  })();
}

export interface MeterChange { number: string; customerId?: number | null; active?: boolean; sts?: NewMeter['sts'] }

export function updateMeter(db: WriteDb, keys: VendingKeyStore, by: User, c: MeterChange, at: string): MeterDetail {
  return db.transaction(() => {
    const before = meterDetail(db, keys, c.number);
    if (c.customerId !== undefined && c.customerId !== null && !customerExists(db, c.customerId)) throw noCustomer();
    if (c.sts && before.kind !== 'sts') throw err('BAD_INPUT', 'A cloud meter has no STS key data.', 'العداد السحابي ليس له بيانات مفتاح STS.');
    const held = keyHeld(db, before.number);
    updateMeterRow(db, before.number, { setCustomer: c.customerId !== undefined, customerId: c.customerId ?? null, active: c.active === undefined ? null : Number(c.active), sts: c.sts });
    const keyChange = c.sts ? keyChangeAfterEdit(db, before.number, held) : undefined;
    appendAudit(db, { at, userId: by.id, action: 'meter.update', entity: 'meter', entityId: before.number,
      details: { customerId: c.customerId, active: c.active, sts: c.sts ?? undefined, before: { customerId: before.customer?.id ?? null, active: before.active, sts: before.sts }, keyChange } });
    return meterDetail(db, keys, before.number);
  })();
}

const KEY_FIELDS = ['sgc', 'ti', 'krn', 'keyType', 'baseDate', 'ea', 'dkga'] as const;
const sameKey = (a: StsKeyData, b: StsKeyData) => KEY_FIELDS.every((f) => a[f] === b[f]);
const rowKey = (r: MeterDetailRow): StsKeyData | null => r.kind !== 'sts' ? null : {
  sgc: r.sts_sgc!, ti: r.sts_ti!, krn: r.sts_krn!, keyType: r.sts_key_type!, baseDate: r.sts_base_date!, ea: r.sts_ea ?? '07', dkga: r.sts_dkga ?? '02',
};

/** The key data the meter holds now: the one a waiting key change starts from, else its row's. */
export function keyHeld(db: ReadDb, number: string): { meterId: number; key: StsKeyData } | null {
  const r = meterDetailRow(db, number);
  const key = r && (r.sts_key_change_from !== null ? (JSON.parse(r.sts_key_change_from) as StsKeyData) : rowKey(r));
  return r && key ? { meterId: r.id, key } : null;
}

/**
 * After an edit of a meter's key data. The meter keeps its decoder key until it is given the
 * key-change tokens, so a change of anything the decoder key is derived from (SGC, TI, KRN, key
 * type, base date, EA, DKGA) records the key data it still holds; the next token made on this
 * counter carries the key change (sales/local-vend.ts). An edit back to what it holds cancels it.
 * Returns what the audit says: 'pending', 'cancelled', or undefined (nothing to change).
 */
export function keyChangeAfterEdit(db: WriteDb, number: string, held: { meterId: number; key: StsKeyData } | null): 'pending' | 'cancelled' | undefined {
  const r = meterDetailRow(db, number);
  const now = r && rowKey(r);
  if (!held || !r || !now) return undefined;
  const waiting = r.sts_key_change_from !== null;
  if (sameKey(now, held.key)) {
    if (!waiting) return undefined;
    setKeyChangeFrom(db, held.meterId, null);
    return 'cancelled';
  }
  setKeyChangeFrom(db, held.meterId, held.key);
  return 'pending';
}
