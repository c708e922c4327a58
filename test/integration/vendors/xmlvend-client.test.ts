// The XMLVend STS client against the XMLVend simulator (both real servers' styles): the server's
// price, a credit vend whose tokens a meter takes in order, and the exactly-once rules — a sale is
// one msgID, a lost answer is found by last-response advice, never by vending again, and "no such
// message" means not vended.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { randomUUID } from 'node:crypto';
import { openDb } from '../../../db/open';
import { createXmlVendStsClient } from '../../../main/vendors/xmlvend/sts-client';
import { checkXmlVendSettings } from '../../../main/vendors/xmlvend/settings';
import { startXmlVendSim, type XmlVendSim } from '../../sim/xmlvend/server';
import { XMLVEND_DEMO_CREDENTIALS } from '../../sim/xmlvend/demo';
import type { XmlVendSimOptions } from '../../sim/xmlvend/options';

const FBE_METER = '04000001026';
const PLAIN = '04000001018';
const DEBT = '04123456784';

let sims: XmlVendSim[] = [];
afterEach(async () => {
  await Promise.all(sims.map((s) => s.close()));
  sims = [];
});

async function setup(o: XmlVendSimOptions & { password?: string; counterCurrency?: string } = {}) {
  const sim = await startXmlVendSim(o);
  sims.push(sim);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shahn-xmlvend-client-'));
  const db = openDb(path.join(dir, 'shahn.sqlite'));
  onTestFinished(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const settings = checkXmlVendSettings({
    url: sim.url, clientId: XMLVEND_DEMO_CREDENTIALS.clientEan, terminalId: 'COUNTER-1', opName: XMLVEND_DEMO_CREDENTIALS.opName,
    password: o.password ?? XMLVEND_DEMO_CREDENTIALS.password, currency: sim.currency, timeoutMs: 1_500,
  });
  const client = createXmlVendStsClient(settings, { db: db.write, now: () => new Date(), timeZone: () => 'Asia/Aden', counterCurrency: () => o.counterCurrency ?? sim.currency }, { retryBaseDelayMs: 5 });
  return { sim, client, db };
}

const okValue = <T>(o: { kind: string; value?: T }): T => {
  expect(o.kind).toBe('ok');
  return o.value as T;
};

describe.each(['hexing', 'conlog'] as const)('XMLVend client against a %s server', (style) => {
  it("takes the server's price: energy, its money and every other transaction, summing to the purchase", async () => {
    const { sim, client } = await setup({ style, currency: 'LYD', vatRateBp: 1500, serviceChargeMinor: 2_000 });
    const p = okValue(await client.price({ meterNumber: PLAIN, amountMinor: 50_000 }));
    expect(p.energyTenths).toBeGreaterThan(0);
    expect(p.valueMinor + p.lines.reduce((a, l) => a + l.minor, 0)).toBe(50_000);
    expect(p.lines.map((l) => l.minor)).toContain(2_000);
    expect(sim.ledger.vends()).toHaveLength(0); // a trial vend changes nothing
  });

  it('vends: the credit token a meter takes, the energy it carries, the whole receipt', async () => {
    const { sim, client } = await setup({ style, currency: 'LYD' });
    const c = okValue(await client.chargeMeter({ meterNumber: PLAIN, energyTenths: 0, amountMinor: 12_345, purchaseMinor: 12_345, idempotencyKey: randomUUID() }));
    expect(c.token).toMatch(/^\d{20}$/);
    expect(c.tid).toBeNull();
    expect(c.vendorReceipt?.tokens.map((t) => t.kind)).toEqual(['credit']);
    expect(c.vendorReceipt!.lines.reduce((a, l) => a + l.minor, 0)).toBe(12_345);
    const before = sim.meters.balanceTenths(PLAIN);
    expect(sim.meters.enterToken(PLAIN, c.token).accepted).toBe(true);
    expect(sim.meters.balanceTenths(PLAIN) - before).toBe(c.energyTenths);
  });

  // A card or transfer was taken on the bank's terminal: the request declares the schema's Unknown
  // pay type (a Card pay type would want the card's number); cash declares Cash with its tender.
  it('declares cash as Cash with its tender, a card or a transfer as the Unknown pay type, and the server takes all three', async () => {
    const { sim, client } = await setup({ style });
    for (const paymentMethod of ['card', 'transfer', 'cash'] as const) {
      okValue(await client.chargeMeter({ meterNumber: PLAIN, energyTenths: 0, amountMinor: 2_000, purchaseMinor: 2_000, paymentMethod, idempotencyKey: randomUUID() }));
    }
    expect(sim.ledger.vends(PLAIN).map((v) => [v.payType, v.tenderMinor])).toEqual([['Unknown', 2_000], ['Unknown', 2_000], ['Cash', 2_000]]);
  });

  it('gives the key-change pair first; the meter takes kct1, kct2, then credit and free electricity under the new key', async () => {
    const { sim, client } = await setup({ style });
    sim.setFlags(FBE_METER, { keyChange: { krn: 2 } });
    const c = okValue(await client.chargeMeter({ meterNumber: FBE_METER, energyTenths: 0, amountMinor: 2_000, purchaseMinor: 2_000, idempotencyKey: randomUUID() }));
    const kinds = c.vendorReceipt!.tokens.map((t) => t.kind);
    // Key change first; then the server's order (both real servers list free electricity first).
    expect(kinds.slice(0, 2)).toEqual(['kct1', 'kct2']);
    expect([...kinds.slice(2)].sort()).toEqual(['credit', 'fbe']);
    expect(c.keyChangeTokens).toEqual([c.vendorReceipt!.tokens[0]!.digits, c.vendorReceipt!.tokens[1]!.digits]);
    // The credit token alone is refused before the pair; in the order given, every one is taken.
    expect(sim.meters.enterToken(FBE_METER, c.token).accepted).toBe(false);
    for (const t of c.vendorReceipt!.tokens) expect(sim.meters.enterToken(FBE_METER, t.digits).accepted).toBe(true);
    expect(sim.meters.keyData(FBE_METER).krn).toBe(2);
  });

  it('a lost answer is found by advice with the same msgID: one vend, the same token', async () => {
    const { sim, client } = await setup({ style });
    const key = randomUUID();
    await sim.setFaults({ dropResponseNext: true });
    const lost = await client.chargeMeter({ meterNumber: PLAIN, energyTenths: 0, amountMinor: 3_000, purchaseMinor: 3_000, idempotencyKey: key });
    expect(lost.kind).toBe('unknown');
    expect((lost as { reason: string }).reason).not.toMatch(/^unreachable/);
    expect(sim.ledger.vends(PLAIN)).toHaveLength(1);
    const found = okValue(await client.verifyCharge({ idempotencyKey: key }));
    expect(found.found).toBe(true);
    expect(found.found && found.token).toBe(sim.ledger.vends(PLAIN)[0]!.sale.digits);
    // Asking again, or the sale's charge repeated under its key, never vends a second time.
    await client.chargeMeter({ meterNumber: PLAIN, energyTenths: 0, amountMinor: 3_000, purchaseMinor: 3_000, idempotencyKey: key });
    expect(sim.ledger.vends(PLAIN)).toHaveLength(1);
  });

  it('"no such message" is not vended: a request that never got there, and a sale never sent', async () => {
    const { sim, client } = await setup({ style });
    const key = randomUUID();
    await sim.setFaults({ offline: true });
    const o = await client.chargeMeter({ meterNumber: PLAIN, energyTenths: 0, amountMinor: 3_000, purchaseMinor: 3_000, idempotencyKey: key });
    expect(o.kind === 'unknown' && o.reason).toMatch(/^unreachable/);
    await sim.setFaults({});
    expect(okValue(await client.verifyCharge({ idempotencyKey: key }))).toEqual({ found: false });
    expect(okValue(await client.verifyCharge({ idempotencyKey: randomUUID() }))).toEqual({ found: false });
    expect(sim.ledger.vends(PLAIN)).toHaveLength(0);
  });

  it("a server's refusal is definite: the exception's type, its words in both languages", async () => {
    const { client } = await setup({ style });
    const o = await client.chargeMeter({ meterNumber: '04000009999', energyTenths: 0, amountMinor: 3_000, purchaseMinor: 3_000, idempotencyKey: randomUUID() });
    expect(o.kind).toBe('refused');
    expect(o.kind === 'refused' && o.code).toMatch(/Ex$/);
  });

  it('refuses a sale when the server sells in another currency than the counter, before money is taken', async () => {
    const { client } = await setup({ style, currency: 'LYD', counterCurrency: 'YER' });
    const o = await client.price({ meterNumber: DEBT, amountMinor: 5_000 });
    expect(o.kind === 'refused' && o.code).toBe('CURRENCY_MISMATCH');
  });

  it("looks the customer up at the server, lists a meter's earlier tokens, pays an account once", async () => {
    const { sim, client } = await setup({ style });
    const [found] = okValue(await client.xmlvend.confirmCustomer({ meterNumber: DEBT }));
    expect(found!.customer.name).toBeTruthy();
    expect(found!.meterDetail?.msno).toBe(DEBT);
    const vend = okValue(await client.chargeMeter({ meterNumber: PLAIN, energyTenths: 0, amountMinor: 2_000, purchaseMinor: 2_000, idempotencyKey: randomUUID() }));
    const earlier = okValue(await client.xmlvend.reprint({ meterNumber: PLAIN }));
    expect(earlier.flatMap((r) => r.tokens.map((t) => t.digits))).toContain(vend.token);
    // An account payment is keyed like a sale: asked again, the first payment's receipt, paid once.
    const key = randomUUID();
    const before = sim.account('POST-0001')!.balanceMinor;
    const paid = okValue(await client.xmlvend.payAccount({ idempotencyKey: key, amountMinor: 10_000, account: { accountNo: 'POST-0001' } }));
    const again = okValue(await client.xmlvend.payAccount({ idempotencyKey: key, amountMinor: 10_000, account: { accountNo: 'POST-0001' } }));
    expect(again.receiptNo).toBe(paid.receiptNo);
    expect(paid.transactions.reduce((a, t) => a + t.minor, 0)).toBe(10_000);
    expect(sim.account('POST-0001')!.balanceMinor).toBe(before - 10_000);
    expect(sim.ledger.payments()).toHaveLength(1);
  });

  it('gets engineering tokens the meter takes (clear tamper, power limit); a lost one is fetched, never issued twice', async () => {
    const { sim, client } = await setup({ style });
    const tamper = okValue(await client.xmlvend.engineeringToken({ idempotencyKey: randomUUID(), meterNumber: PLAIN, action: 'clear_tamper' }));
    expect(sim.meters.enterToken(PLAIN, tamper.token).accepted).toBe(true);
    const key = randomUUID();
    sim.dropResponseOf('meterSpecificEngReq');
    expect((await client.xmlvend.engineeringToken({ idempotencyKey: key, meterNumber: PLAIN, action: 'set_power_limit', powerLimitW: 2_500 })).kind).toBe('unknown');
    const limit = okValue(await client.xmlvend.engineeringToken({ idempotencyKey: key, meterNumber: PLAIN, action: 'set_power_limit', powerLimitW: 2_500 }));
    expect(sim.ledger.engineering()).toHaveLength(2);
    expect(sim.meters.enterToken(PLAIN, limit.token).accepted).toBe(true);
  });

  it('tests the connection: right credentials answer, a wrong password is refused', async () => {
    const good = await setup({ style });
    expect((await good.client.testConnection()).kind).toBe('ok');
    const bad = await setup({ style, password: 'not-the-password' });
    const o = await bad.client.testConnection();
    expect(o.kind).toBe('refused');
  });
});
