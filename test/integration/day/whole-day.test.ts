// A cashier's whole day through app.call: open a shift, 20 mixed sales (STS and Acrel, cash, card
// and transfer, an account payment, an offline stretch with local tokens and pending credit), a
// reprint with a supervisor's approval, history look-ups, then close with a counted amount.
// The Z report's totals must equal sums computed directly from the database with SQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sale } from '../../../preload/contract';
import { verifyAuditChain } from '../../../main/audit/append';
import { DEMO_ACREL_METERS, DEMO_STS_METERS } from '../../sim/demo-data';
import { startHarness, type Harness } from '../../helpers/harness';
import { requireShifts, users, type Users } from './helpers';

let h: Harness;
let u: Users;
beforeAll(async () => {
  h = await startHarness({
    settings: { vending: { mode: 'vendor', offlineLimitMinor: 10_000_000, saleDeadlineMs: 5_000 } },
    env: { STS_API_RETRY_ATTEMPTS: '1', ACREL_API_RETRY_ATTEMPTS: '0' },
  });
  u = await users(h);
  await requireShifts(u);
});
afterAll(() => h.close());

const STS = DEMO_STS_METERS.map((m) => m.number);
const ACREL = DEMO_ACREL_METERS.filter((m) => m.paymentMode === 'prepaid').map((m) => m.number);
const POSTPAID = DEMO_ACREL_METERS.find((m) => m.paymentMode === 'postpaid')!.number;
const METHODS = ['cash', 'card', 'transfer'] as const;
const FLOAT = 20_000;
const q = <T>(sql: string, ...args: unknown[]) => h.app.db.read.prepare(sql).all(...args) as T[];
const one = <T>(sql: string, ...args: unknown[]) => h.app.db.read.prepare(sql).get(...args) as T;

describe('a whole day at the counter', () => {
  const sales: Sale[] = [];
  let shiftId = 0;
  const sell = async (meterNumber: string, amountMinor: number, i: number, extra = 0) => {
    const paymentMethod = METHODS[i % 3]!;
    const s = await u.call('cashier', 'sales.sell', await u.confirmed('cashier', { meterNumber, amountMinor, tenderedMinor: paymentMethod === 'cash' ? amountMinor + extra : amountMinor, paymentMethod }));
    sales.push(s);
    return s;
  };

  it('opens the shift and sells 12 times online, one an account payment', async () => {
    shiftId = (await u.call('cashier', 'shifts.open', { floatMinor: FLOAT })).id;
    for (let i = 0; i < 11; i++) {
      const meter = i % 2 === 0 ? STS[i % STS.length]! : ACREL[i % ACREL.length]!;
      const s = await sell(meter, 1_000 + 700 * i, i, i % 4 === 0 ? 500 : 0);
      expect(s.status, `sale ${i}`).toBe('issued');
    }
    const settlement = await sell(POSTPAID, 5_000, 11);
    expect(settlement.product).toBe('settlement');
  });

  it('a reprint beyond the first copy needs the supervisor, who approves it at the till', async () => {
    const sale = sales[0]!;
    expect((await u.call('cashier', 'sales.print', { id: sale.id })).copy).toBe(true);
    expect((await u.fail('cashier', 'sales.print', { id: sale.id })).code).toBe('APPROVAL_REQUIRED');
    const { approvalToken } = await u.call('cashier', 'approvals.grant', { username: 'supervisor', pin: '2222', action: 'reprint', subject: sale.id });
    expect(await u.call('cashier', 'sales.print', { id: sale.id, approvalToken })).toMatchObject({ printed: true, copy: true });
  });

  it('sells 8 more while the vendors are offline: local STS tokens, pending Acrel credit', async () => {
    await h.sims.sts.setFaults({ offline: true });
    await h.sims.acrel.setFaults({ offline: true });
    for (let i = 12; i < 20; i++) {
      const s = await sell(i % 2 === 0 ? STS[i % 3]! : ACREL[i % ACREL.length]!, 1_500 + 300 * i, i, 250);
      if (s.product === 'sts_kwh') expect([s.status, s.tokenSource]).toEqual(['issued', 'local']);
      else expect(s.status).toBe('pending');
    }
    expect(sales).toHaveLength(20);
  });

  it('history: by meter, receipt number, customer name (any spelling), date range, cashier, a page after a cursor; the last 3 tokens of a meter', async () => {
    const meter = STS[0]!;
    const byMeter = await u.call('cashier', 'history.search', { meterNumber: meter });
    expect(byMeter.total).toBe(sales.filter((s) => s.meterNumber === meter).length);
    const r = await u.call('cashier', 'history.search', { receiptNo: sales[3]!.receiptNo });
    expect(r.items.map((s) => s.id)).toEqual([sales[3]!.id]);
    expect(r.items[0]!.shiftId).toBe(shiftId);
    const name = DEMO_STS_METERS[0]!.customer.nameAr;
    const spelled = name.replace(/[أإآ]/g, 'ا').replace(/ة/g, 'ه');
    expect((await u.call('cashier', 'history.search', { customer: spelled })).total).toBe(byMeter.total);
    const first = await u.call('cashier', 'history.search', { from: sales[0]!.createdAt, limit: 5 });
    const page = await u.call('cashier', 'history.search', { from: sales[0]!.createdAt, limit: 5, before: first.next! });
    expect(page).toMatchObject({ total: 20, totalCapped: false });
    expect(page.items.map((s) => s.receiptNo)).toEqual(sales.map((s) => s.receiptNo).sort((a, b) => b - a).slice(5, 10));
    expect((await u.call('cashier', 'history.search', { from: sales[0]!.createdAt, limit: 20 })).next).toBeNull();
    expect((await u.call('cashier', 'history.search', { to: sales[0]!.createdAt })).total).toBe(0);
    // By cashier: every sale of the day is the cashier's, none the supervisor's.
    const cashierId = one<{ id: number }>(`SELECT id FROM users WHERE username = 'cashier'`).id;
    const supervisorId = one<{ id: number }>(`SELECT id FROM users WHERE username = 'supervisor'`).id;
    expect((await u.call('cashier', 'history.search', { cashierId, from: sales[0]!.createdAt })).total).toBe(20);
    expect((await u.call('supervisor', 'history.search', { cashierId: supervisorId, from: sales[0]!.createdAt })).total).toBe(0);
    expect(byMeter.items.find((s) => s.id === sales[0]!.id)?.copies).toBe(2);
    const last = await u.call('cashier', 'history.lastTokens', { meterNumber: meter });
    const expected = sales.filter((s) => s.meterNumber === meter && s.token).reverse().slice(0, 3);
    expect(last.tokens.map((t) => t.token)).toEqual(expected.map((s) => s.token));
    expect((await u.fail('cashier', 'history.lastTokens', { meterNumber: '99999999999' })).code).toBe('METER_NOT_FOUND');
  });

  it('closes with a counted amount: the Z report equals the database, line by line', async () => {
    const cashIn = one<{ n: number }>(`SELECT SUM(tendered_minor - change_minor) AS n FROM sales WHERE shift_id = ? AND payment_method = 'cash' AND status <> 'failed'`, shiftId).n;
    const counted = FLOAT + cashIn - 75;
    const { report: z } = await u.call('cashier', 'shifts.close', { countedCashMinor: counted });
    const t = z.totals;
    const live = `shift_id = ${shiftId} AND status <> 'failed'`;
    const sums = one<{ n: number; charged: number; tokens: number; energy: number; credit: number }>(
      `SELECT COUNT(*) AS n, SUM(charged_minor) AS charged, COUNT(token) AS tokens,
         SUM(CASE WHEN product = 'sts_kwh' THEN energy_tenths ELSE 0 END) AS energy,
         SUM(CASE WHEN product = 'acrel_credit' THEN value_minor ELSE 0 END) AS credit FROM sales WHERE ${live}`);
    expect(sums.n).toBe(20);
    expect(t.salesCount).toBe(sums.n);
    expect(t.chargedMinor).toBe(sums.charged);
    expect(t.chargedMinor).toBe(sales.reduce((a, s) => a + s.chargedMinor, 0));
    expect(t.tokensIssued).toBe(sums.tokens);
    expect(t.tokensIssued).toBe(sales.filter((s) => s.token).length);
    expect(t.energyTenths).toBe(sums.energy);
    expect(t.creditMinor).toBe(sums.credit);
    expect(z.expectedCashMinor).toBe(FLOAT + cashIn);
    expect(z.varianceMinor).toBe(-75);
    expect(t.cash.salesMinor).toBe(cashIn);
    const byMethod = q<{ method: string; count: number; chargedMinor: number }>(`SELECT payment_method AS method, COUNT(*) AS count, SUM(charged_minor) AS chargedMinor FROM sales WHERE ${live} GROUP BY 1 ORDER BY 1`);
    expect(t.byPaymentMethod).toEqual(byMethod);
    const byProduct = q<{ product: string; count: number; chargedMinor: number }>(`SELECT product, COUNT(*) AS count, SUM(charged_minor) AS chargedMinor FROM sales WHERE ${live} GROUP BY 1 ORDER BY 1`);
    expect(t.byProduct.map(({ product, count, chargedMinor }) => ({ product, count, chargedMinor }))).toEqual(byProduct);
    expect(t.byProduct.map((p) => p.product)).toEqual(['acrel_credit', 'settlement', 'sts_kwh']);
    const byPeriod = q<{ en: string; n: number; charged: number; energy: number }>(
      `SELECT json_extract(quote_json, '$.tariff.periodName.en') AS en, COUNT(*) AS n, SUM(charged_minor) AS charged, SUM(COALESCE(energy_tenths, 0)) AS energy
       FROM sales WHERE ${live} AND product <> 'settlement' GROUP BY 1`);
    for (const p of byPeriod) {
      const lines = t.byTariffPeriod.filter((l) => l.periodName.en === p.en);
      expect(lines.reduce((a, l) => a + l.chargedMinor, 0), p.en).toBe(p.charged);
      expect(lines.reduce((a, l) => a + l.energyTenths, 0)).toBe(p.energy);
    }
    // VAT from the quotes the cashier saw (JS), against the report's SQL.
    const vat = sales.reduce((a, s) => a + s.deductions.filter((d) => d.kind === 'vat').reduce((b, d) => b + d.amountMinor, 0), 0);
    expect(t.byDeduction.find((d) => d.kind === 'vat')?.amountMinor ?? 0).toBe(vat);
    expect(vat).toBeGreaterThan(0);
    // Pending credit is listed (and counted); local tokens counted as issued.
    const pending = q<{ id: string }>(`SELECT id FROM sales WHERE shift_id = ? AND status IN ('paid', 'pending', 'unknown') ORDER BY receipt_no`, shiftId).map((r) => r.id);
    expect(t.open.map((s) => s.saleId)).toEqual(pending);
    expect(pending.length).toBe(4);
    expect(t.failed).toEqual([]);
    expect(sales.filter((s) => s.tokenSource === 'local').length).toBe(4);
    // Stored as sent, with its hash in the chained audit log.
    const stored = one<{ report_json: string; counted_cash_minor: number; charged_minor: number }>('SELECT * FROM z_reports WHERE z_no = ?', z.zNo);
    expect(stored.counted_cash_minor).toBe(counted);
    expect(stored.charged_minor).toBe(sums.charged);
    expect(JSON.parse(stored.report_json).totals).toEqual(t);
    expect(verifyAuditChain(h.app.db.read)).toBeNull();
    await h.sims.sts.setFaults({});
    await h.sims.acrel.setFaults({});
  });
});
