// Meters, their customers and their tariff schedule, as the sale flow needs them.
import type Database from 'better-sqlite3';
import type { MeterSummary } from '../../preload/contract';
import type { TariffSchedule } from '../../main/tariffs/schedule';

export interface MeterRecord {
  id: number;
  number: string;
  kind: 'sts' | 'acrel';
  paymentMode: 'prepaid' | 'postpaid' | 'credit';
  scheduleCode: string;
  customerName: string | null;
  customerPhone: string | null;
  sts: null | { sgc: string; ti: string; krn: number; keyType: number; baseDate: 1993 | 2014 | 2035; ea: '07' | '11'; dkga: '02' | '04'; lastTid: number | null };
}

interface MeterRow {
  id: number; number: string; kind: 'sts' | 'acrel'; payment_mode: MeterRecord['paymentMode']; schedule_code: string;
  customer_name: string | null; customer_phone: string | null;
  sts_sgc: string | null; sts_ti: string | null; sts_krn: number | null; sts_key_type: number | null;
  sts_base_date: 1993 | 2014 | 2035 | null; sts_ea: '07' | '11' | null; sts_dkga: '02' | '04' | null; sts_last_tid: number | null;
}

const SELECT = `SELECT m.*, c.name AS customer_name, c.phone AS customer_phone
  FROM meters m LEFT JOIN customers c ON c.id = m.customer_id`;

function toRecord(r: MeterRow): MeterRecord {
  return {
    id: r.id, number: r.number, kind: r.kind, paymentMode: r.payment_mode, scheduleCode: r.schedule_code,
    customerName: r.customer_name, customerPhone: r.customer_phone,
    sts: r.kind === 'sts'
      ? { sgc: r.sts_sgc!, ti: r.sts_ti!, krn: r.sts_krn!, keyType: r.sts_key_type!, baseDate: r.sts_base_date!, ea: r.sts_ea ?? '07', dkga: r.sts_dkga ?? '02', lastTid: r.sts_last_tid }
      : null,
  };
}

export function findMeter(db: Database.Database, number: string): MeterRecord | null {
  const r = db.prepare(`${SELECT} WHERE m.number = ? AND m.active = 1`).get(number) as MeterRow | undefined;
  return r ? toRecord(r) : null;
}

/** Exact or prefix meter number, or a customer's name or phone. */
export function searchMeters(db: Database.Database, query: string, limit = 20): MeterRecord[] {
  const like = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = db
    .prepare(
      `${SELECT} WHERE m.active = 1 AND (m.number LIKE ? ESCAPE '\\' OR c.name LIKE ? ESCAPE '\\'
        OR c.name_latin LIKE ? ESCAPE '\\' OR c.phone LIKE ? ESCAPE '\\')
       ORDER BY (m.number = ?) DESC, m.number LIMIT ?`,
    )
    .all(`${query}%`, like, like, like, query, limit) as MeterRow[];
  return rows.map(toRecord);
}

export function latestSchedule(db: Database.Database, code: string, at: string): TariffSchedule | null {
  const s = db
    .prepare(
      `SELECT * FROM tariff_schedules WHERE code = ? AND effective_from <= ? ORDER BY effective_from DESC, version DESC LIMIT 1`,
    )
    .get(code, at) as
    | { id: number; code: string; name_ar: string; name_en: string; vat_percent: string; fee_minor: number; min_purchase_minor: number; max_purchase_minor: number }
    | undefined;
  if (!s) return null;
  const periods = db.prepare('SELECT * FROM tariff_periods WHERE schedule_id = ? ORDER BY idx').all(s.id) as {
    name_ar: string; name_en: string; start_minute: number; end_minute: number; price_per_kwh: string; active: number;
  }[];
  return {
    id: s.id, code: s.code, name: { ar: s.name_ar, en: s.name_en }, vatPercent: s.vat_percent, feeMinor: s.fee_minor,
    minPurchaseMinor: s.min_purchase_minor, maxPurchaseMinor: s.max_purchase_minor,
    periods: periods.map((p) => ({
      name: { ar: p.name_ar, en: p.name_en }, startMinute: p.start_minute, endMinute: p.end_minute, pricePerKwh: p.price_per_kwh, active: p.active === 1,
    })),
  };
}

export function toSummary(m: MeterRecord, tariffName: { ar: string; en: string }): MeterSummary {
  return { number: m.number, kind: m.kind, customerName: m.customerName, customerPhone: m.customerPhone, paymentMode: m.paymentMode, tariffName };
}
