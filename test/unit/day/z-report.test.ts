// The Z report's receipt layout and CSV: pure functions of a stored report.
import { describe, expect, it } from 'vitest';
import { buildZReport } from '../../../main/printing/z-report';
import { zCsv } from '../../../main/shifts/z-output';
import type { ZReport } from '../../../preload/contract';

const z: ZReport = {
  zNo: 7, counter: 'Counter 1', closedAt: '2026-03-01T18:00:00.000Z', closedBy: { id: 2, displayName: 'Omar' }, currency: 'YER', currencyDecimals: 0,
  shift: { id: 3, userId: 1, cashier: 'سارة', counter: 'Counter 1', status: 'closed', floatMinor: 5000, autoOpened: false, openedAt: '2026-03-01T06:00:00.000Z', closedAt: '2026-03-01T18:00:00.000Z', zNo: 7 },
  expectedCashMinor: 15000, countedCashMinor: 14900, varianceMinor: -100, note: 'short, "checked"', hash: 'ab'.repeat(32),
  totals: {
    salesCount: 2, chargedMinor: 12000,
    byProduct: [{ product: 'sts_kwh', count: 2, chargedMinor: 12000, energyTenths: 500, valueMinor: 11400 }],
    byPaymentMethod: [{ method: 'cash', count: 1, chargedMinor: 10000 }, { method: 'card', count: 1, chargedMinor: 2000 }],
    byTariffPeriod: [{ scheduleCode: 'RES-TOU', periodName: { ar: 'ذروة', en: 'Peak' }, count: 2, chargedMinor: 12000, energyTenths: 500 }],
    byDeduction: [{ kind: 'vat', amountMinor: 600 }], tokensIssued: 1, energyTenths: 500, creditMinor: 0,
    cash: { floatMinor: 5000, salesMinor: 10000, tenderedMinor: 10000, changeMinor: 0 },
    byStatus: [{ status: 'issued', count: 1 }, { status: 'unknown', count: 1 }],
    open: [{ saleId: 'x', receiptNo: 12, meterNumber: '04000001018', product: 'sts_kwh', status: 'unknown', paymentMethod: 'card', chargedMinor: 2000, createdAt: '2026-03-01T07:00:00.000Z' }],
    failed: [],
  },
};

describe('Z report', () => {
  it('lays out the cash, the totals and the open sales, in both languages, with the COPY mark on a reprint', () => {
    const r = buildZReport(z, { utilityName: { ar: 'الكهرباء', en: 'Power' }, language: 'both', timeZone: 'Asia/Aden' }, { copy: true });
    const text = JSON.stringify(r.blocks);
    for (const s of ['Z REPORT', 'تقرير Z', 'COPY', 'Variance', '-100 YER', '15,000 YER', '14,900 YER', '#12 04000001018', 'Peak', '50.0 kWh']) expect(text).toContain(s);
    expect(r.blocks.at(-1)).toEqual({ kind: 'cut' });
    expect(r.receiptNo).toBe(7);
    const ar = buildZReport(z, { utilityName: { ar: 'الكهرباء', en: 'Power' }, language: 'ar', timeZone: 'Asia/Aden' }, { copy: false });
    expect(ar.blocks.some((b) => b.kind === 'text' && b.lang === 'en')).toBe(false);
  });
  it('CSV: a BOM, one header, quoted cells where needed, the variance and the open sale', () => {
    const csv = zCsv(z);
    expect(csv.startsWith('\uFEFFsection,name_en,name_ar,count,amount_minor,energy_tenths,detail\r\n')).toBe(true);
    expect(csv).toContain('cash,variance,variance,,-100,,"short, ""checked"""');
    expect(csv).toContain('sale_unknown,04000001018,04000001018,12,2000,,');
    expect(csv).toContain('tariff_period,RES-TOU Peak,RES-TOU ذروة,2,12000,500,');
  });
});
