// A sale through an XMLVend 2.1 server, every layer: the server's price on the quote, the paid
// commit, the credit vend under the sale's one msgID, every token stored, shown and printed in entry
// order, and an unknown outcome settled by last-response advice — one vend, never two.
import { afterEach, describe, expect, it } from 'vitest';
import { decodeEscPos, textLines } from '../../helpers/escpos-decode';
import { eventually, startHarness, type Harness } from '../../helpers/harness';

let h: Harness;
afterEach(async () => h.close());

const FBE_METER = '04000001026';
const PLAIN = '04000001018';
const printedText = (job: Buffer) => textLines(decodeEscPos(job)).map((l) => l.text).join('\n').replace(/\s/g, '');

describe.each(['hexing', 'conlog'] as const)('an STS sale through an XMLVend server (%s)', (style) => {
  it("quotes at the server's price and sells it: key change first, every token printed in order", async () => {
    h = await startHarness({ xmlvend: { style, serviceChargeMinor: 100, vatRateBp: 500 } });
    await h.login();
    h.sims.xmlvend!.setFlags(FBE_METER, { keyChange: { krn: 2 } });
    const quote = await h.call('sales.quote', { meterNumber: FBE_METER, amountMinor: 5_000 });
    expect(quote.server?.protocol).toBe('xmlvend');
    expect(quote.valueMinor + quote.deductions.reduce((a, d) => a + d.amountMinor, 0)).toBe(5_000);
    expect(h.sims.xmlvend!.ledger.vends()).toHaveLength(0);

    const sale = await h.call('sales.sell', await h.confirmed({ meterNumber: FBE_METER, amountMinor: 5_000, tenderedMinor: 5_000, paymentMethod: 'cash' }));
    expect(sale.status).toBe('issued');
    expect(sale.tokenSource).toBe('vendor');
    expect(sale.energyTenths).toBe(quote.energyTenths);
    const tokens = sale.vendorReceipt!.tokens;
    expect(tokens.slice(0, 2).map((t) => t.kind)).toEqual(['kct1', 'kct2']);
    expect(sale.keyChangeTokens).toEqual([tokens[0]!.digits, tokens[1]!.digits]);
    expect(tokens.find((t) => t.kind === 'credit')?.digits).toBe(sale.token);
    expect(sale.vendorReceipt!.lines.reduce((a, l) => a + l.minor, 0)).toBe(5_000);
    expect(h.sims.xmlvend!.ledger.vends(FBE_METER)).toHaveLength(1);
    // The meter takes every token in the order given.
    for (const t of tokens) expect(h.sims.xmlvend!.meters.enterToken(FBE_METER, t.digits).accepted).toBe(true);

    // Printed: every token, in that order.
    const [job] = await h.sims.printer.waitForJobs(1, 5_000);
    const text = printedText(job!);
    const at = tokens.map((t) => text.indexOf(t.digits));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // A reprint reads the same tokens back from the database.
    expect((await h.call('sales.get', { id: sale.id })).vendorReceipt).toEqual(sale.vendorReceipt);
  });

  it('a lost answer leaves the sale unknown; advice under its msgID settles it with the same token, one vend', async () => {
    h = await startHarness({ xmlvend: { style }, env: { STS_API_RETRY_ATTEMPTS: '0' } });
    await h.login();
    const input = await h.confirmed({ meterNumber: PLAIN, amountMinor: 3_000, tenderedMinor: 3_000, paymentMethod: 'cash' });
    h.sims.xmlvend!.dropResponseOf('creditVendReq');
    const sale = await h.call('sales.sell', input);
    // The answer was lost: the sale was recorded unknown (the verification may already have
    // settled it by the time the receipt wait is over).
    const actions = (h.app.db.read.prepare(`SELECT action FROM audit_log WHERE entity_id = ? ORDER BY id`).all(sale.id) as { action: string }[]).map((r) => r.action);
    expect(actions).toContain('sale.unknown');
    expect(h.sims.xmlvend!.ledger.vends(PLAIN)).toHaveLength(1);
    await eventually(async () => (await h.call('sales.get', { id: sale.id })).status === 'issued', 15_000, 'advice to settle the sale');
    const settled = await h.call('sales.get', { id: sale.id });
    expect(settled.token).toBe(h.sims.xmlvend!.ledger.vends(PLAIN)[0]!.sale.digits);
    expect(settled.vendorReceipt?.tokens.map((t) => t.kind)).toContain('credit');
    expect(h.sims.xmlvend!.ledger.vends(PLAIN)).toHaveLength(1);
    // The server said no TID; the counter read it from the token with the supply group's key, so
    // the meter's token ledger knows it before this counter makes a token of its own.
    const row = h.app.db.read.prepare('SELECT s.sts_tid AS tid, t.tid AS ledger FROM sales s LEFT JOIN issued_tokens t ON t.sale_id = s.id WHERE s.id = ?').get(sale.id) as { tid: number | null; ledger: number | null };
    expect(row.tid).not.toBeNull();
    expect(row.ledger).toBe(row.tid);
  });

  it("a server's refusal at the price sells nothing and says why in both languages", async () => {
    h = await startHarness({ xmlvend: { style, maxVendMinor: 10_000 } });
    await h.login();
    const r = await h.raw('sales.quote', { meterNumber: PLAIN, amountMinor: 20_000 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('VENDOR_REFUSED');
    expect(r.error.message.en).toMatch(/refused this sale/);
    expect(r.error.message.ar).toMatch(/رفض خادم البيع/);
    expect((h.app.db.read.prepare('SELECT COUNT(*) AS n FROM sales').get() as { n: number }).n).toBe(0);
  });
});
