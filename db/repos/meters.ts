// Meters, their customers, tariff assignment, limits, debt and payment mode, as the sale flow
// needs them. Statements are prepared once per database handle: a quote must stay well under 1 ms.
import type { ReadDb, WriteDb } from '../open';
import type { MeterDetail, MeterSummary } from '../../preload/contract';
import { stmt } from './stmt';
import { normaliseQuery } from '../normalize';
import { matchingCustomerIds, prefixEnd } from './customer-search';

export { latestSchedule } from './tariffs';

export type PaymentModeName = 'prepaid' | 'postpaid' | 'credit';

export interface MeterRecord {
  id: number;
  number: string;
  kind: 'sts' | 'acrel';
  paymentMode: PaymentModeName;
  /** The schedule in force for this meter: its group's when it is in one, else its own. */
  scheduleCode: string;
  ownScheduleCode: string;
  groupCode: string | null;
  customerName: string | null;
  /** The customer's name in Latin letters, for English screens; null when not recorded. */
  customerNameLatin: string | null;
  customerPhone: string | null;
  minPurchaseMinor: number | null;
  maxPurchaseMinor: number | null;
  debtMinor: number;
  creditLimitMinor: number | null;
  depositMinor: number;
  supply: 'on' | 'off';
  sts: null | (StsKeyData & {
    lastTid: number | null;
    /** The key data the meter still holds while a key change waits for its tokens; null: none waits. */
    keyChangeFrom: StsKeyData | null;
  });
}

interface MeterRow {
  id: number; number: string; kind: 'sts' | 'acrel'; customer_id: number | null; payment_mode: PaymentModeName; schedule_code: string; group_schedule: string | null; group_code: string | null;
  customer_name: string | null; customer_name_latin: string | null; customer_phone: string | null; min_purchase_minor: number | null; max_purchase_minor: number | null;
  debt_minor: number; credit_limit_minor: number | null; deposit_minor: number; supply: 'on' | 'off';
  sts_sgc: string | null; sts_ti: string | null; sts_krn: number | null; sts_key_type: number | null;
  sts_base_date: 1993 | 2014 | 2035 | null; sts_ea: '07' | '11' | null; sts_dkga: '02' | '04' | null; sts_last_tid: number | null;
  sts_key_change_from: string | null;
}

const SELECT = `SELECT m.*, c.name AS customer_name, c.name_latin AS customer_name_latin, c.phone AS customer_phone, g.schedule_code AS group_schedule, g.code AS group_code
  FROM meters m LEFT JOIN customers c ON c.id = m.customer_id LEFT JOIN tariff_groups g ON g.id = m.tariff_group_id`;

function toRecord(r: MeterRow): MeterRecord {
  return {
    id: r.id, number: r.number, kind: r.kind, paymentMode: r.payment_mode, scheduleCode: r.group_schedule ?? r.schedule_code,
    ownScheduleCode: r.schedule_code, groupCode: r.group_code, customerName: r.customer_name, customerNameLatin: r.customer_name_latin, customerPhone: r.customer_phone,
    minPurchaseMinor: r.min_purchase_minor, maxPurchaseMinor: r.max_purchase_minor, debtMinor: r.debt_minor,
    creditLimitMinor: r.credit_limit_minor, depositMinor: r.deposit_minor, supply: r.supply,
    sts: r.kind === 'sts'
      ? { sgc: r.sts_sgc!, ti: r.sts_ti!, krn: r.sts_krn!, keyType: r.sts_key_type!, baseDate: r.sts_base_date!, ea: r.sts_ea ?? '07', dkga: r.sts_dkga ?? '02', lastTid: r.sts_last_tid,
          keyChangeFrom: r.sts_key_change_from === null ? null : (JSON.parse(r.sts_key_change_from) as StsKeyData) }
      : null,
  };
}

export function findMeter(db: ReadDb, number: string): MeterRecord | null {
  const r = stmt(db, `${SELECT} WHERE m.number = ? AND m.active = 1`).get(number) as MeterRow | undefined;
  return r ? toRecord(r) : null;
}

/**
 * Active meters whose number starts with `query` (the exact number first: it sorts first among
 * them), then the active meters of customers whose name (Arabic-normalised, either script) or phone
 * matches it (matchingCustomerIds). Each part is an index search bounded by `limit`.
 */
export function searchMeters(db: ReadDb, query: string, limit = 20): MeterRecord[] {
  const byNumber = stmt(db, `${SELECT} WHERE m.number >= ? AND m.number < ? AND m.active = 1 ORDER BY m.number LIMIT ?`)
    .all(query, prefixEnd(query), limit) as MeterRow[];
  if (byNumber.length >= limit) return byNumber.map(toRecord);
  const ids = matchingCustomerIds(db, normaliseQuery(query), limit); // same rules as customers.search_norm (migration 0007)
  if (ids.length === 0) return byNumber.map(toRecord);
  const rank = new Map(ids.map((id, i) => [id, i]));
  const byCustomer = (stmt(db, `${SELECT} WHERE m.customer_id IN (SELECT value FROM json_each(?)) AND m.active = 1`)
    .all(JSON.stringify(ids)) as MeterRow[])
    .sort((a, b) => rank.get(a.customer_id!)! - rank.get(b.customer_id!)! || (a.number < b.number ? -1 : a.number > b.number ? 1 : 0));
  const seen = new Set(byNumber.map((r) => r.id));
  return [...byNumber, ...byCustomer.filter((r) => !seen.has(r.id))].slice(0, limit).map(toRecord);
}

/** Active meters whose schedule in force is `code` (directly or through their group). */
export function metersOnSchedule(db: ReadDb, code: string, kind?: 'sts' | 'acrel'): MeterRecord[] {
  const rows = stmt(db, `${SELECT} WHERE m.active = 1 AND COALESCE(g.schedule_code, m.schedule_code) = ? AND (? IS NULL OR m.kind = ?) ORDER BY m.number`)
    .all(code, kind ?? null, kind ?? null) as MeterRow[];
  return rows.map(toRecord);
}

/** When this meter last had a sale that was not refused, at or before `at` (ISO), or null. */
export function lastLiveSaleAt(db: ReadDb, meterNumber: string, at: string): string | null {
  const r = stmt(db, `SELECT created_at FROM sales WHERE meter_number = ? AND created_at <= ? AND status <> 'failed' ORDER BY created_at DESC LIMIT 1`)
    .get(meterNumber, at) as { created_at: string } | undefined;
  return r?.created_at ?? null;
}

/** Lowers the debt inside the paid transaction; false when it is no longer that high (a race). */
export function reduceDebt(db: WriteDb, meterId: number, byMinor: number): boolean {
  return stmt(db, 'UPDATE meters SET debt_minor = debt_minor - ? WHERE id = ? AND debt_minor >= ?').run(byMinor, meterId, byMinor).changes === 1;
}

export function setDebt(db: WriteDb, meterId: number, debtMinor: number): void {
  stmt(db, 'UPDATE meters SET debt_minor = ? WHERE id = ?').run(debtMinor, meterId);
}

export function setSupply(db: WriteDb, meterId: number, supply: 'on' | 'off'): void {
  stmt(db, 'UPDATE meters SET supply = ? WHERE id = ?').run(supply, meterId);
}

export function setPaymentMode(db: WriteDb, meterId: number, mode: PaymentModeName, creditLimitMinor: number | null, depositMinor: number): void {
  stmt(db, 'UPDATE meters SET payment_mode = ?, credit_limit_minor = ?, deposit_minor = ? WHERE id = ?').run(mode, creditLimitMinor, depositMinor, meterId);
}

export function setPurchaseLimits(db: WriteDb, meterId: number, min: number | null, max: number | null): void {
  stmt(db, 'UPDATE meters SET min_purchase_minor = ?, max_purchase_minor = ? WHERE id = ?').run(min, max, meterId);
}

/** A schedule assigned to the meter itself takes it out of any group. */
export function assignSchedule(db: WriteDb, meterId: number, code: string): void {
  stmt(db, 'UPDATE meters SET schedule_code = ?, tariff_group_id = NULL WHERE id = ?').run(code, meterId);
}

export function assignGroup(db: WriteDb, meterId: number, groupId: number): void {
  stmt(db, 'UPDATE meters SET tariff_group_id = ? WHERE id = ?').run(groupId, meterId);
}

export function toSummary(m: MeterRecord, tariffName: { ar: string; en: string }): MeterSummary {
  return { number: m.number, kind: m.kind, customerName: m.customerName, customerNameLatin: m.customerNameLatin, customerPhone: m.customerPhone, paymentMode: m.paymentMode, tariffName };
}

/** Gives back debt that a sale had recovered (the sale failed: the customer gets the money back). */
export function restoreDebt(db: WriteDb, meterId: number, byMinor: number): void {
  stmt(db, 'UPDATE meters SET debt_minor = debt_minor + ? WHERE id = ?').run(byMinor, meterId);
}

/** Whether a meter with this number is registered, active or not. */
export function meterNumberExists(db: ReadDb, number: string): boolean {
  return !!stmt(db, 'SELECT 1 FROM meters WHERE number = ?').get(number);
}

/** The STS key data of a meter as the registry screens edit it. */
export interface StsKeyData { sgc: string; ti: string; krn: number; keyType: number; baseDate: 1993 | 2014 | 2035; ea: '07' | '11'; dkga: '02' | '04' }

export function insertMeterRow(db: WriteDb, m: { number: string; kind: 'sts' | 'acrel'; customerId: number | null; scheduleCode: string; groupId: number | null; sts?: StsKeyData }, at: string): number {
  const k = m.sts;
  return (stmt(db, `INSERT INTO meters (number, kind, customer_id, schedule_code, tariff_group_id, sts_sgc, sts_ti, sts_krn, sts_key_type, sts_base_date, sts_ea, sts_dkga, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`).get(m.number, m.kind, m.customerId, m.scheduleCode, m.groupId,
    k?.sgc ?? null, k?.ti ?? null, k?.krn ?? null, k?.keyType ?? null, k?.baseDate ?? null, k?.ea ?? null, k?.dkga ?? null, at) as { id: number }).id;
}

export interface MeterDetailRow {
  id: number; number: string; kind: 'sts' | 'acrel'; active: number; customer_id: number | null; c_name: string | null; c_latin: string | null; c_phone: string | null;
  schedule_code: string; group_code: string | null; payment_mode: MeterDetail['paymentMode']; created_at: string;
  sts_sgc: string | null; sts_ti: string | null; sts_krn: number | null; sts_key_type: number | null; sts_base_date: 1993 | 2014 | 2035 | null;
  sts_ea: '07' | '11' | null; sts_dkga: '02' | '04' | null; sts_last_tid: number | null; sts_key_change_from: string | null;
}

/** The meter with its customer and tariff group, active or not. */
export function meterDetailRow(db: ReadDb, number: string): MeterDetailRow | undefined {
  return db.prepare(`SELECT m.*, c.name AS c_name, c.name_latin AS c_latin, c.phone AS c_phone, g.code AS group_code
    FROM meters m LEFT JOIN customers c ON c.id = m.customer_id LEFT JOIN tariff_groups g ON g.id = m.tariff_group_id WHERE m.number = ?`).get(number) as MeterDetailRow | undefined;
}

/** The customer changes only when `setCustomer`; null `active` and absent key fields keep what is stored. */
export function updateMeterRow(db: WriteDb, number: string, c: { setCustomer: boolean; customerId: number | null; active: number | null; sts?: StsKeyData }): void {
  const k = c.sts;
  db.prepare(`UPDATE meters SET customer_id = CASE WHEN ? THEN ? ELSE customer_id END, active = COALESCE(?, active),
        sts_sgc = COALESCE(?, sts_sgc), sts_ti = COALESCE(?, sts_ti), sts_krn = COALESCE(?, sts_krn), sts_key_type = COALESCE(?, sts_key_type),
        sts_base_date = COALESCE(?, sts_base_date), sts_ea = COALESCE(?, sts_ea), sts_dkga = COALESCE(?, sts_dkga) WHERE number = ?`)
    .run(Number(c.setCustomer), c.customerId, c.active,
      k?.sgc ?? null, k?.ti ?? null, k?.krn ?? null, k?.keyType ?? null, k?.baseDate ?? null, k?.ea ?? null, k?.dkga ?? null, number);
}

/** Records the key data a meter still holds while its key change waits (null: none waits). */
export function setKeyChangeFrom(db: WriteDb, meterId: number, from: StsKeyData | null): void {
  db.prepare('UPDATE meters SET sts_key_change_from = ? WHERE id = ?').run(from === null ? null : JSON.stringify(from), meterId);
}

/** Ends a waiting key change once its tokens are issued; false when it changed meanwhile. */
export function clearKeyChange(db: WriteDb, meterId: number, from: StsKeyData): boolean {
  return db.prepare('UPDATE meters SET sts_key_change_from = NULL WHERE id = ? AND sts_key_change_from = ?').run(meterId, JSON.stringify(from)).changes === 1;
}

/** The number of the meter with this id (for messages). */
export function meterNumberOf(db: ReadDb, meterId: number): string | undefined {
  return (db.prepare('SELECT number FROM meters WHERE id = ?').get(meterId) as { number: string } | undefined)?.number;
}
