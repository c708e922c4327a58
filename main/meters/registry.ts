// Registering meters (issue 8, supervisor): create with its customer, tariff (own schedule or a
// group) and STS key data; edit customer, key data and active. Vending keys themselves live in
// the sealed key store (main/keys) and are never returned; a meter only says whether its key is there.
import type { ReadDb, WriteDb } from '../../db/open';
import type { MeterDetail, User } from '../../preload/contract';
import { appendAudit } from '../audit/append';
import { err } from '../common/errors';
import type { VendingKeyStore } from '../keys';
import { customerExists } from '../customers/customers';
import { compactMeter } from '../history/search';
import { insertMeter, newMeterProblems, type NewMeter } from './rules';

interface Row {
  number: string; kind: 'sts' | 'acrel'; active: number; customer_id: number | null; c_name: string | null; c_latin: string | null; c_phone: string | null;
  schedule_code: string; group_code: string | null; payment_mode: MeterDetail['paymentMode']; created_at: string;
  sts_sgc: string | null; sts_ti: string | null; sts_krn: number | null; sts_key_type: number | null; sts_base_date: 1993 | 2014 | 2035 | null;
  sts_ea: '07' | '11' | null; sts_dkga: '02' | '04' | null; sts_last_tid: number | null;
}

export function meterDetail(db: ReadDb, keys: VendingKeyStore, number: string): MeterDetail {
  const r = db.prepare(`SELECT m.*, c.name AS c_name, c.name_latin AS c_latin, c.phone AS c_phone, g.code AS group_code
    FROM meters m LEFT JOIN customers c ON c.id = m.customer_id LEFT JOIN tariff_groups g ON g.id = m.tariff_group_id WHERE m.number = ?`).get(compactMeter(number)) as Row | undefined;
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
    const k = c.sts;
    db.prepare(`UPDATE meters SET customer_id = CASE WHEN ? THEN ? ELSE customer_id END, active = COALESCE(?, active),
        sts_sgc = COALESCE(?, sts_sgc), sts_ti = COALESCE(?, sts_ti), sts_krn = COALESCE(?, sts_krn), sts_key_type = COALESCE(?, sts_key_type),
        sts_base_date = COALESCE(?, sts_base_date), sts_ea = COALESCE(?, sts_ea), sts_dkga = COALESCE(?, sts_dkga) WHERE number = ?`)
      .run(Number(c.customerId !== undefined), c.customerId ?? null, c.active === undefined ? null : Number(c.active),
        k?.sgc ?? null, k?.ti ?? null, k?.krn ?? null, k?.keyType ?? null, k?.baseDate ?? null, k?.ea ?? null, k?.dkga ?? null, before.number);
    appendAudit(db, { at, userId: by.id, action: 'meter.update', entity: 'meter', entityId: before.number,
      details: { customerId: c.customerId, active: c.active, sts: c.sts ?? undefined, before: { customerId: before.customer?.id ?? null, active: before.active, sts: before.sts } } });
    return meterDetail(db, keys, before.number);
  })();
}
