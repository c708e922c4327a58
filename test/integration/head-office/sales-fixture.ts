// A complete sale record as a counter sends it (preload/contract SaleSchema), for the head-office tests
// and the head-office simulator's.
import { randomUUID } from 'node:crypto';
import type { Sale } from '../../../preload/contract';

export function sale(over: Partial<Sale> = {}): Sale {
  const at = '2026-03-01T10:00:00.000Z';
  return {
    id: randomUUID(),
    receiptNo: 1,
    status: 'issued',
    paymentMethod: 'cash',
    cashier: 'cashier1',
    meterNumber: '04000001018',
    product: 'sts_kwh',
    customerName: 'أحمد علي الصالح',
    at,
    currency: 'YER',
    tariff: {
      scheduleId: 1,
      scheduleName: { ar: 'منزلي', en: 'Residential' },
      periodName: { ar: 'الذروة', en: 'Peak' },
      pricePerKwh: '12.5000',
      periodStart: '18:00',
      periodEnd: '23:00',
      timeZone: 'Asia/Aden',
    },
    amountMinor: 10_000,
    deductions: [],
    energyTenths: 80,
    valueMinor: 10_000,
    estimatedEnergyTenths: null,
    chargedMinor: 10_000,
    tenderedMinor: 10_000,
    changeMinor: 0,
    token: '12345678901234567890',
    tokenSource: 'vendor',
    vendorRef: 'STS-00000001',
    errorCode: null,
    errorMessage: null,
    createdAt: at,
    updatedAt: at,
    printStatus: 'printed',
    ...over,
  };
}

/** The same sale later in its life: a new status and a later updatedAt. */
export const laterVersion = (s: Sale, minutes: number, over: Partial<Sale> = {}): Sale => ({
  ...s,
  ...over,
  updatedAt: new Date(Date.parse(s.updatedAt) + minutes * 60_000).toISOString(),
});
