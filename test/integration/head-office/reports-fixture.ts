// What the reports' tests seed: sales as three counters push them (two currencies, two days
// around local midnight in Africa/Tripoli, several cashiers, products and tariff periods), and
// Z reports as a counter closes them (main/shifts/close.ts makes the same shape).
import { createHash } from 'node:crypto';
import type { Sale, ZReport } from '../../../preload/contract';
import { sale } from './sales-fixture';

export const PERIODS = {
  day: { scheduleId: 1, scheduleName: { ar: 'منزلي', en: 'Residential' }, periodName: { ar: 'النهار', en: 'Day' }, pricePerKwh: '12.5000', periodStart: '06:00', periodEnd: '18:00', timeZone: 'Africa/Tripoli' },
  peak: { scheduleId: 1, scheduleName: { ar: 'منزلي', en: 'Residential' }, periodName: { ar: 'الذروة', en: 'Peak' }, pricePerKwh: '15.0000', periodStart: '18:00', periodEnd: '23:00', timeZone: 'Africa/Tripoli' },
  night: { scheduleId: 1, scheduleName: { ar: 'منزلي', en: 'Residential' }, periodName: { ar: 'الليل', en: 'Night' }, pricePerKwh: '10.0000', periodStart: '23:00', periodEnd: '06:00', timeZone: 'Africa/Tripoli' },
} satisfies Record<string, Sale['tariff']>;

/** A sale at `at` (UTC), created and last updated then, with the money and energy given. */
export function soldAt(at: string, over: Partial<Sale> & { chargedMinor: number }): Sale {
  return sale({
    at, createdAt: at, updatedAt: at, amountMinor: over.chargedMinor, valueMinor: over.valueMinor ?? over.chargedMinor, tenderedMinor: over.chargedMinor,
    changeMinor: 0, ...over,
  });
}

export interface ZInput {
  zNo: number; cashier: string; counter: string; currency: string; currencyDecimals: number;
  openedAt: string; closedAt: string; floatMinor: number;
  salesCount: number; chargedMinor: number; cashSalesMinor: number; countedCashMinor: number;
  open: Sale[]; failed: Sale[];
}

const listed = (s: Sale) => ({
  saleId: s.id, receiptNo: s.receiptNo, meterNumber: s.meterNumber, product: s.product, status: s.status,
  paymentMethod: s.paymentMethod, chargedMinor: s.chargedMinor, createdAt: s.createdAt,
});

/** A Z report's exact JSON and hash, as the counter pushes it. */
export function zReport(z: ZInput): { reportJson: string; hash: string } {
  const expected = z.floatMinor + z.cashSalesMinor;
  const body: Omit<ZReport, 'hash'> = {
    zNo: z.zNo,
    shift: { id: z.zNo, userId: 7, cashier: z.cashier, counter: z.counter, status: 'closed', floatMinor: z.floatMinor, autoOpened: false, openedAt: z.openedAt, closedAt: z.closedAt, zNo: z.zNo },
    counter: z.counter, closedAt: z.closedAt, closedBy: { id: 7, displayName: z.cashier }, currency: z.currency, currencyDecimals: z.currencyDecimals,
    expectedCashMinor: expected, countedCashMinor: z.countedCashMinor, varianceMinor: z.countedCashMinor - expected, note: null,
    totals: {
      salesCount: z.salesCount, chargedMinor: z.chargedMinor, byProduct: [], byPaymentMethod: [], byTariffPeriod: [], byDeduction: [],
      tokensIssued: 0, energyTenths: 0, creditMinor: 0,
      cash: { floatMinor: z.floatMinor, salesMinor: z.cashSalesMinor, tenderedMinor: z.cashSalesMinor, changeMinor: 0 },
      byStatus: [], open: z.open.map(listed), failed: z.failed.map(listed),
    },
  };
  const reportJson = JSON.stringify(body);
  return { reportJson, hash: createHash('sha256').update(reportJson).digest('hex') };
}
