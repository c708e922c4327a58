// The ledger's rows (head-office/db/reports.ts) as the reports' wire rows (wire.ts): whole numbers
// checked exact, the Z report's comparison and its flags, the words of a product.
import type pg from 'pg';
import { isIsoCurrency, isoDecimals } from '../../main/common/currency';
import {
  counterOutstanding, outstandingSales, salesByDay, zReportsAgainstSales,
  type CounterOutstandingRaw, type GroupBy, type OutstandingRaw, type RangeFilter, type SalesByDayRaw, type ZAgainstSalesRaw,
} from '../db/reports';
import type { CounterOutstanding, MoneyFlag, OutstandingSale, SalesByDayRow, ZFlag, ZReportRow } from './wire';
import { PRODUCT_WORDS, NO_PERIOD_WORDS, SERVER_TARIFF_WORDS } from './words';

/** PostgreSQL's bigint and numeric arrive as text: a number only if it is exact. */
export function whole(text: string | number): number {
  const n = typeof text === 'number' ? text : Number(text);
  if (!Number.isSafeInteger(n)) throw new Error(`a report total is not a whole number JavaScript can hold exactly: ${String(text)}`);
  return n;
}

export const decimalsOf = (currency: string): number | null => (isIsoCurrency(currency) ? isoDecimals(currency) : null);

const iso = (d: Date) => d.toISOString();

function labelOf(by: GroupBy, r: SalesByDayRaw): { ar: string; en: string } {
  if (by === 'product') return PRODUCT_WORDS[r.key as keyof typeof PRODUCT_WORDS] ?? { ar: r.key, en: r.key };
  if (by === 'period' && r.key === 'none') return NO_PERIOD_WORDS;
  if (by === 'period' && r.key.startsWith('server:')) {
    const name = r.key.slice('server:'.length);
    return { ar: `${SERVER_TARIFF_WORDS.ar}${name ? `: ${name}` : ''}`, en: `${SERVER_TARIFF_WORDS.en}${name ? `: ${name}` : ''}` };
  }
  return { ar: r.label_ar ?? r.key, en: r.label_en ?? r.key };
}

/** The head office's own money (HEAD_OFFICE_CURRENCY, HEAD_OFFICE_CURRENCY_DECIMALS). */
export interface HeadOfficeMoney { code: string; decimals: number }

export function moneyFlags(currency: string, decimals: number | null, office: HeadOfficeMoney): MoneyFlag[] {
  if (decimals === null) return ['DECIMALS_UNKNOWN'];
  const flags: MoneyFlag[] = [];
  const iso = decimalsOf(currency);
  if (iso !== null && iso !== decimals) flags.push('DECIMALS_NOT_ISO');
  if (currency === office.code && decimals !== office.decimals) flags.push('DECIMALS_NOT_HEAD_OFFICE');
  return flags;
}

export async function* salesByDayRows(pool: pg.Pool, f: RangeFilter, by: GroupBy, office: HeadOfficeMoney): AsyncGenerator<SalesByDayRow> {
  for await (const r of salesByDay(pool, f, by)) {
    yield {
      day: r.day, key: r.key, label: labelOf(by, r), currency: r.currency, currencyDecimals: r.currency_decimals, isoDecimals: decimalsOf(r.currency),
      flags: moneyFlags(r.currency, r.currency_decimals, office),
      sold: { count: whole(r.sold_count), chargedMinor: whole(r.sold_charged), valueMinor: whole(r.sold_value), energyTenths: whole(r.sold_energy) },
      open: { count: whole(r.open_count), chargedMinor: whole(r.open_charged), valueMinor: whole(r.open_value), energyTenths: whole(r.open_energy) },
      refunded: { count: whole(r.refunded_count), chargedMinor: whole(r.refunded_charged) },
    };
  }
}

export function zRow(r: ZAgainstSalesRaw): ZReportRow {
  const float = whole(r.float_minor);
  const expected = whole(r.expected_cash_minor);
  const variance = whole(r.variance_minor);
  const counter = { salesCount: whole(r.z_sales_count), chargedMinor: whole(r.z_charged_minor), cashSalesMinor: whole(r.z_cash_sales_minor) };
  const ledgerCash = whole(r.ledger_cash);
  const ledger = {
    salesCount: whole(r.ledger_count), chargedMinor: whole(r.ledger_charged), cashSalesMinor: ledgerCash, expectedCashMinor: float + ledgerCash,
    refundedSinceClose: { count: whole(r.refunded_since_close_count), chargedMinor: whole(r.refunded_since_close_charged) },
    otherCurrencyCount: whole(r.other_currency_count),
  };
  const difference = {
    salesCount: counter.salesCount - ledger.salesCount,
    chargedMinor: counter.chargedMinor - ledger.chargedMinor,
    expectedCashMinor: expected - ledger.expectedCashMinor,
  };
  const flags: ZFlag[] = [];
  if (variance < 0) flags.push('CASH_SHORT');
  if (variance > 0) flags.push('CASH_OVER');
  if (difference.salesCount > 0 || r.missing_receipts.length > 0) flags.push('SALES_MISSING');
  if (difference.salesCount < 0) flags.push('SALES_EXTRA');
  if (difference.chargedMinor !== 0) flags.push('CHARGED_MISMATCH');
  if (difference.expectedCashMinor !== 0) flags.push('EXPECTED_CASH_MISMATCH');
  if (ledger.refundedSinceClose.count > 0) flags.push('REFUNDED_SINCE_CLOSE');
  if (ledger.otherCurrencyCount > 0) flags.push('OTHER_CURRENCY');
  // The counter counts its money in as many decimals as it is configured with; the reports write
  // ISO 4217's. Different, and every amount of that counter reads wrong by a power of ten.
  if (r.z_currency_decimals !== null && r.z_currency_decimals !== decimalsOf(r.currency)) flags.push('DECIMALS_DIFFER');
  return {
    counterId: whole(r.counter_id), counterName: r.counter_name, zNo: r.z_no, cashier: r.cashier, openedAt: iso(r.opened_at), closedAt: iso(r.closed_at),
    currency: r.currency, currencyDecimals: decimalsOf(r.currency), floatMinor: float, expectedCashMinor: expected,
    countedCashMinor: whole(r.counted_cash_minor), varianceMinor: variance, counter, ledger, difference,
    missingReceiptNos: r.missing_receipts, flags,
  };
}

export async function* zReportRows(pool: pg.Pool, f: Pick<RangeFilter, 'timeZone' | 'from' | 'to' | 'counterIds'>): AsyncGenerator<ZReportRow> {
  for await (const r of zReportsAgainstSales(pool, f)) yield zRow(r);
}

const outstandingRow = (r: OutstandingRaw): OutstandingSale => ({
  saleId: r.sale_id, counterId: whole(r.counter_id), counterName: r.counter_name, receiptNo: r.receipt_no,
  status: r.status as OutstandingSale['status'], product: r.product as OutstandingSale['product'], cashier: r.cashier, meterNumber: r.meter_number,
  currency: r.currency, currencyDecimals: decimalsOf(r.currency), chargedMinor: whole(r.charged_minor),
  soldAt: iso(r.sold_at), updatedAt: iso(r.updated_at), lastReceivedAt: iso(r.last_received_at), ageSeconds: whole(r.age_seconds), errorCode: r.error_code,
});

export async function* outstandingRows(pool: pg.Pool, f: { counterIds: number[] | null; now: Date }): AsyncGenerator<OutstandingSale> {
  for await (const r of outstandingSales(pool, f)) yield outstandingRow(r);
}

const counterRow = (r: CounterOutstandingRaw): CounterOutstanding => ({
  counterId: whole(r.counter_id), name: r.name, revoked: r.revoked_at !== null, lastSeenAt: r.last_seen_at ? iso(r.last_seen_at) : null,
  reported: r.counts_reported_at ? { pendingSales: r.pending_sales, unknownSales: r.unknown_sales, at: iso(r.counts_reported_at) } : null,
  ledger: { openCount: whole(r.ledger_open), oldestAt: r.ledger_oldest_at ? iso(r.ledger_oldest_at) : null },
});

export async function* counterRows(pool: pg.Pool, f: { counterIds: number[] | null }): AsyncGenerator<CounterOutstanding> {
  for await (const r of counterOutstanding(pool, f)) yield counterRow(r);
}
