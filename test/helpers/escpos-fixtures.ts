// Fixed sales and counter settings for the printing tests, golden images and the bench. Fixed
// times and an explicit time zone keep every rendering byte-for-byte reproducible.
import type { Sale } from '../../preload/contract';
import type { ReceiptContext, ReceiptLanguage } from '../../main/printing';

export const TIME_ZONE = 'Asia/Riyadh';

export const stsSale: Sale = {
  id: '3f1c2a9e-8b7d-4c6e-9a1b-2d3e4f5a6b7c',
  receiptNo: 10452,
  status: 'issued',
  paymentMethod: 'cash',
  cashier: 'Fatima Saleh',
  token: '12345678901234567890',
  tokenSource: 'vendor',
  vendorRef: 'VND-778812',
  errorCode: null,
  errorMessage: null,
  createdAt: '2026-03-14T15:05:09Z',
  updatedAt: '2026-03-14T15:05:11Z',
  printStatus: 'none',
  meterNumber: '01234567890',
  product: 'sts_kwh',
  customerName: 'محمد عبدالله',
  at: '2026-03-14T15:05:09Z',
  currency: 'SAR',
  tariff: {
    scheduleId: 1,
    scheduleName: { ar: 'سكني', en: 'Residential' },
    periodName: { ar: 'ذروة', en: 'Peak' },
    pricePerKwh: '32.0000',
    periodStart: '12:00',
    periodEnd: '17:00',
    timeZone: TIME_ZONE,
  },
  amountMinor: 10000,
  deductions: [
    { kind: 'vat', label: { ar: 'ضريبة القيمة المضافة ١٥٪', en: 'VAT 15%' }, amountMinor: 1304 },
    { kind: 'fee', label: { ar: 'رسوم الخدمة', en: 'Service fee' }, amountMinor: 200 },
  ],
  energyTenths: 2655,
  valueMinor: 8496,
  estimatedEnergyTenths: null,
  chargedMinor: 10000,
  tenderedMinor: 20000,
  changeMinor: 10000,
};

/** Acrel money credit delivered online. */
export const creditSale: Sale = {
  ...stsSale,
  id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  receiptNo: 10453,
  product: 'acrel_credit',
  meterNumber: 'ADL200-000731',
  customerName: 'Ahmed Ali',
  token: null,
  tokenSource: null,
  vendorRef: 'ACR-55120',
  deductions: [{ kind: 'debt', label: { ar: 'استرداد دين ١٠٪', en: 'Debt recovery 10%' }, amountMinor: 500 }],
  amountMinor: 5000,
  energyTenths: null,
  valueMinor: 4500,
  estimatedEnergyTenths: 1406,
  chargedMinor: 5000,
  tenderedMinor: 5000,
  changeMinor: 0,
};

/** The same credit sold while the cloud was unreachable: money taken, delivery to follow. */
export const pendingSale: Sale = { ...creditSale, id: 'c0ffee00-1234-4abc-8def-0123456789ab', receiptNo: 10454, status: 'pending', vendorRef: null };

export function context(language: ReceiptLanguage, over: Partial<ReceiptContext> = {}): ReceiptContext {
  return {
    utilityName: { ar: 'شركة الكهرباء الوطنية', en: 'National Electricity Co.' },
    taxNumber: '300012345600003',
    counterName: 'Counter 3',
    cashierName: 'Fatima Saleh',
    language,
    currency: 'SAR',
    currencyDecimals: 2,
    timeZone: TIME_ZONE,
    footer: { ar: 'شكراً لكم — خدمة العملاء 920001234', en: 'Thank you - Customer care 920001234' },
    ...over,
  };
}
