// The vending key at the sell screen: a meter whose key is missing, retired or expired says so on
// the quote, before any money is taken (a warning when the vendor makes the token; a refusal when
// this counter must make it); and a meter whose key data changed gets the key-change token pair
// before its credit token, decoded here with the meter's OLD key (the pair) and NEW key (the credit).
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_STS_KEYS, DEMO_STS_METERS } from '../../sim/demo-data';
import { startHarness, type Harness } from '../../helpers/harness';
import { users, type Users } from '../day/helpers';
import { countSales } from '../../../db/repos/sales';
import { decodeToken, deriveDecoderKey, meterPan } from '../../../main/sts';
import { buildReceipt, type Block } from '../../../main/printing';
import { context } from '../../helpers/escpos-fixtures';
import { dayIn } from '../../../main/keys/store';

let h: Harness;
let u: Users;
afterEach(async () => h?.close());
const meter = DEMO_STS_METERS[2]!.number; // tokens only
const NEW_KEY = '133457799bbcdff1';
const settings = (mode: 'vendor' | 'local') => ({ vending: { mode, offlineLimitMinor: 10_000_000, saleDeadlineMs: 5_000 } });
const start = async (mode: 'vendor' | 'local', now?: () => Date) => {
  h = await startHarness({ settings: settings(mode), env: { STS_API_RETRY_ATTEMPTS: '0' }, ...(now ? { app: { now } } : {}) });
  u = await users(h);
};
const quote = () => u.call('cashier', 'sales.quote', { meterNumber: meter, amountMinor: 1500 });
const sell = async () => u.call('cashier', 'sales.sell', await u.confirmed('cashier', { meterNumber: meter, amountMinor: 1500, tenderedMinor: 1500, paymentMethod: 'cash' }));
const demoKeyId = async () => (await u.call('admin', 'keys.list', {})).find((k) => k.sgc === DEMO_STS_KEYS.sgc && k.krn === DEMO_STS_KEYS.krn && k.status !== 'retired')!.id;

describe('the quote says what is wrong with the vending key before money is taken', () => {
  it('vendor vending: a retired key is a warning; the vendor still makes the token', async () => {
    await start('vendor');
    expect((await quote()).keyNotice).toBeUndefined();
    await u.call('admin', 'keys.retire', { id: await demoKeyId() });
    const q = await quote();
    expect(q.keyNotice?.code).toBe('KEY_RETIRED');
    expect(q.keyNotice?.message.en).toMatch(/has been retired.*asked of the vendor/);
    expect(q.keyNotice?.message.ar).toMatch(/موقوف/);
    const sale = await sell();
    expect(sale).toMatchObject({ status: 'issued', tokenSource: 'vendor' });
    expect(sale.keyNotice).toBeUndefined(); // the notice was for the cashier; the sale records what happened
  });

  it('local vending: a missing key refuses the quote and the sale, and nothing is paid', async () => {
    await start('local');
    await u.call('supervisor', 'meters.update', { number: meter, sts: { sgc: '654321', ti: '01', krn: 1, keyType: 2, baseDate: 2014 } });
    const e = await u.fail('cashier', 'sales.quote', { meterNumber: meter, amountMinor: 1500 });
    expect(e.code).toBe('NO_VENDING_KEY');
    expect(e.message.en).toMatch(/holds no vending key for this meter's key \(SGC 654321, KRN 1\).*No money was taken/);
    expect(e.message.ar).toMatch(/لم يؤخذ أي مبلغ/);
    const before = countSales(h.app.db.read);
    const r = await h.raw('sales.sell', { meterNumber: meter, amountMinor: 1500, tenderedMinor: 1500, paymentMethod: 'cash',
      confirmed: { scheduleId: 1, periodStart: '00:00', periodEnd: '24:00', pricePerKwh: '1', chargedMinor: 1500, energyTenths: 1, valueMinor: 1 } }, u.token('cashier'));
    expect(r.ok ? null : r.error.code).toBe('NO_VENDING_KEY');
    expect(countSales(h.app.db.read)).toBe(before);
  });

  it('an expired key: valid through its last day, then listed as expired and refused when vending locally', async () => {
    let clock = Date.now();
    await start('local', () => new Date(clock));
    // The counter's own calendar day: in UTC it is yesterday there from 21:00 UTC in Aden.
    const today = dayIn(h.app.config.timeZone)(new Date(clock));
    await u.call('admin', 'keys.put', { source: 'typed', sgc: DEMO_STS_KEYS.sgc, krn: DEMO_STS_KEYS.krn, keyType: 2, baseDate: 2014, ea: '07', dkga: '02', expiresAt: today,
      vendingKeyHex: DEMO_STS_KEYS.vendingKey, vendingKeyHexAgain: DEMO_STS_KEYS.vendingKey, replace: true });
    expect((await quote()).keyNotice).toBeUndefined(); // its last day is still a valid day
    clock += 2 * 86_400_000;
    expect((await u.call('admin', 'keys.list', {})).find((k) => k.status !== 'retired')).toMatchObject({ status: 'expired', kcv: 'C33F45' });
    const e = await u.fail('cashier', 'sales.quote', { meterNumber: meter, amountMinor: 1500 });
    expect(e.code).toBe('NO_VENDING_KEY');
    expect(e.message.en).toMatch(/has expired/);
  });
});

describe('a meter whose key data changed', () => {
  it('gets the key-change pair (under its OLD key) before the credit token (under the NEW one), once; receipt and sale list all three in order', async () => {
    await start('local');
    const pan = meterPan(meter);
    const oldKey = h.sims.sts.meters.decoderKey(meter);
    const newKey = deriveDecoderKey({ dkga: '02', vendingKey: NEW_KEY, keyType: 2, sgc: DEMO_STS_KEYS.sgc, ti: '07', krn: 2, pan, baseDate: 2014, ea: '07' });
    await u.call('admin', 'keys.put', { source: 'typed', sgc: DEMO_STS_KEYS.sgc, krn: 2, keyType: 2, baseDate: 2014, ea: '07', dkga: '02', expiresAt: null, vendingKeyHex: NEW_KEY, vendingKeyHexAgain: NEW_KEY });
    // Only a customer or an active flag: no key change.
    await u.call('supervisor', 'meters.update', { number: meter, active: true });
    expect((await quote()).keyNotice).toBeUndefined();
    // KRN and TI change: the meter still holds its old key until it is given the pair.
    await u.call('supervisor', 'meters.update', { number: meter, sts: { sgc: DEMO_STS_KEYS.sgc, ti: '07', krn: 2, keyType: 2, baseDate: 2014 } });
    const q = await quote();
    expect(q.keyNotice?.code).toBe('KEY_CHANGE');
    expect(q.keyNotice?.message.ar).toMatch(/رمزين لتغيير المفتاح/);

    const sale = await sell();
    expect(sale).toMatchObject({ status: 'issued', tokenSource: 'local' });
    const [first, second] = sale.keyChangeTokens!;
    const a = decodeToken(oldKey, first);
    const b = decodeToken(oldKey, second);
    expect(a).toMatchObject({ class: 2, subclass: 3, crcOk: true, krn: 2, keyType: 2, rollover: false, kenho: 15 });
    expect(b).toMatchObject({ class: 2, subclass: 4, crcOk: true, ti: 7, kenlo: 15 });
    expect(a.newKeyHigh! + b.newKeyLow!).toBe(newKey);
    const credit = decodeToken(newKey, sale.token!);
    expect(credit).toMatchObject({ class: 0, crcOk: true });
    expect(credit.amountTenths).toBeGreaterThanOrEqual(sale.energyTenths!);
    expect(decodeToken(oldKey, sale.token!).crcOk).toBe(false); // the credit is for the meter with its new key only
    expect((await u.call('cashier', 'sales.get', { id: sale.id })).keyChangeTokens).toEqual([first, second]);
    const audit = h.app.db.read.prepare(`SELECT details FROM audit_log WHERE action = 'sale.issued' AND entity_id = ?`).get(sale.id) as { details: string };
    expect(JSON.parse(audit.details).keyChange.from).toMatchObject({ krn: 1, ti: '01' });
    expect(audit.details).not.toContain(first);

    // The receipt: the order statement, then the three labelled tokens in the order they are entered.
    const r = buildReceipt(sale, context('en'), { copy: false });
    const seq = r.blocks.flatMap((x: Block) => (x.kind === 'token' ? [`token:${x.digits}`] : x.kind === 'text' ? [x.text] : []));
    const at = (s: string) => seq.indexOf(s);
    expect(at('The meter key changed: enter the three tokens in this order')).toBeGreaterThanOrEqual(0);
    expect([at('1) KEY CHANGE TOKEN 1'), at(`token:${first}`), at('2) KEY CHANGE TOKEN 2'), at(`token:${second}`), at('3) STS TOKEN'), at(`token:${sale.token}`)])
      .toEqual([...Array(6).keys()].map((i) => at('1) KEY CHANGE TOKEN 1') + i));

    // Done: the next sale is one credit token under the new key.
    expect((await quote()).keyNotice).toBeUndefined();
    const next = await sell();
    expect(next.keyChangeTokens).toBeUndefined();
    expect(decodeToken(newKey, next.token!).crcOk).toBe(true);
  });

  it('editing the key data back before any sale cancels the key change; a changed base date sets the rollover bit', async () => {
    await start('local');
    const k = DEMO_STS_KEYS;
    await u.call('supervisor', 'meters.update', { number: meter, sts: { sgc: k.sgc, ti: '02', krn: 1, keyType: 2, baseDate: 2014 } });
    expect((await quote()).keyNotice?.code).toBe('KEY_CHANGE');
    await u.call('supervisor', 'meters.update', { number: meter, sts: { sgc: k.sgc, ti: '01', krn: 1, keyType: 2, baseDate: 2014 } });
    expect((await quote()).keyNotice).toBeUndefined();
    const audits = h.app.db.read.prepare(`SELECT details FROM audit_log WHERE action = 'meter.update' ORDER BY id`).all() as { details: string }[];
    expect(audits.map((x) => JSON.parse(x.details).keyChange)).toEqual(['pending', 'cancelled']);
    // A meter moved from the 1993 base date to 2014 (the TID rollover): the pair carries RO = 1.
    h.app.db.write.prepare(`UPDATE meters SET sts_base_date = 1993 WHERE number = ?`).run(meter);
    await u.call('supervisor', 'meters.update', { number: meter, sts: { sgc: k.sgc, ti: '01', krn: 1, keyType: 2, baseDate: 2014 } });
    const sale = await sell();
    const oldKey = deriveDecoderKey({ dkga: '02', vendingKey: k.vendingKey, keyType: 2, sgc: k.sgc, ti: '01', krn: 1, pan: meterPan(meter), baseDate: 1993, ea: '07' });
    expect(decodeToken(oldKey, sale.keyChangeTokens![0])).toMatchObject({ subclass: 3, crcOk: true, rollover: true });
  });
});
