// One real sale of each product through every layer: contract -> sale state machine -> SQLite ->
// vendor simulator -> printer -> outbox -> head office.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeToken, deriveDecoderKey, meterPan } from '../../../main/sts';
import { DEMO_ACREL_METERS, DEMO_STS_KEYS, DEMO_STS_METERS } from '../../sim/demo-data';
import { decodeEscPos, textLines } from '../../helpers/escpos-decode';
import { eventually, startHarness, type Harness } from '../../helpers/harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  await h.login();
});
afterEach(async () => h.close());

const stsMeter = DEMO_STS_METERS[0]!.number;
const acrelMeter = DEMO_ACREL_METERS[1]!.number;

const printedText = (job: Buffer) => textLines(decodeEscPos(job)).map((l) => l.text).join('\n');

describe('an STS token sale', () => {
  it('quotes at the active period, issues a real token, prints it and syncs it once', async () => {
    // 10:00 in Aden is the Standard period (220 YER/kWh, VAT 5%).
    const at = '2026-11-22T07:00:00.000Z';
    const quote = await h.call('sales.quote', { meterNumber: stsMeter, amountMinor: 1000, at });
    expect(quote.tariff.periodName.en).toBe('Standard');
    expect(quote.energyTenths).toBe(43); // 4.3 kWh: 43 * 22 = 946 + VAT 47 = 993 <= 1000; 4.4 kWh would be 1017
    expect(quote.chargedMinor).toBe(993);

    const sale = await h.call('sales.sell', await h.confirmed({ meterNumber: stsMeter, amountMinor: 1000, tenderedMinor: 1000, paymentMethod: 'cash' }));
    expect(sale.status).toBe('issued');
    expect(sale.token).toMatch(/^\d{20}$/);
    expect(sale.changeMinor).toBe(1000 - sale.chargedMinor);

    // The token is real: the meter's decoder key decodes it to the energy sold, with a good CRC.
    const dk = deriveDecoderKey({ dkga: '02', vendingKey: DEMO_STS_KEYS.vendingKey, keyType: DEMO_STS_KEYS.keyType, sgc: DEMO_STS_KEYS.sgc, ti: DEMO_STS_KEYS.ti, krn: DEMO_STS_KEYS.krn, pan: meterPan(stsMeter) });
    const decoded = decodeToken(dk, sale.token!);
    expect(decoded.crcOk).toBe(true);
    expect(decoded.amountTenths).toBe(sale.energyTenths);

    const row = h.app.db.read.prepare('SELECT token, status FROM sales WHERE id = ?').get(sale.id) as { token: string; status: string };
    expect(row).toEqual({ token: sale.token, status: 'issued' });

    const [job] = await h.sims.printer.waitForJobs(1, 5_000);
    expect(printedText(job!).replace(/\s/g, '')).toContain(sale.token);

    await eventually(() => h.sims.headOffice.receivedCount(sale.id) === 1, 10_000, 'head office to receive the sale');
    await h.call('sync.now', {});
    expect(h.sims.headOffice.receivedCount(sale.id)).toBe(1);
    expect(h.sims.headOffice.sale(sale.id)).toBeDefined();
  });

  it('a retried sell with the same sale id returns the same sale and vends once', async () => {
    const saleId = crypto.randomUUID();
    const input = await h.confirmed({ saleId, meterNumber: stsMeter, amountMinor: 2000, tenderedMinor: 2000, paymentMethod: 'cash' });
    const [a, b] = [await h.call('sales.sell', input), await h.call('sales.sell', input)];
    expect(b.id).toBe(a.id);
    expect(b.token).toBe(a.token);
    expect(h.sims.sts.chargesByKey.size).toBe(1);
    expect((h.app.db.read.prepare('SELECT COUNT(*) AS n FROM sales').get() as { n: number }).n).toBe(1);
  });
});

describe('a money-credit sale (Acrel)', () => {
  it('credits the meter through the cloud, prints and syncs once', async () => {
    const before = h.sims.acrel.meters.balanceMinor(acrelMeter);
    const sale = await h.call('sales.sell', await h.confirmed({ meterNumber: acrelMeter, amountMinor: 5000, tenderedMinor: 5000, paymentMethod: 'cash' }));
    expect(sale.status).toBe('issued');
    expect(sale.product).toBe('acrel_credit');
    expect(sale.valueMinor + sale.deductions.reduce((s, d) => s + d.amountMinor, 0)).toBe(sale.chargedMinor);
    expect(h.sims.acrel.meters.balanceMinor(acrelMeter)).toBe(before + sale.valueMinor);
    await h.sims.printer.waitForJobs(1, 5_000);
    await eventually(() => h.sims.headOffice.receivedCount(sale.id) === 1, 10_000, 'head office to receive the sale');
  });

  it('offline: the sale is pending, then delivered exactly once when the cloud returns', async () => {
    await h.sims.acrel.setFaults({ offline: true });
    const sale = await h.call('sales.sell', await h.confirmed({ meterNumber: acrelMeter, amountMinor: 3000, tenderedMinor: 3000, paymentMethod: 'cash' }));
    expect(sale.status).toBe('pending');
    expect(sale.errorMessage?.ar).toContain('عند عودة الاتصال');
    await h.sims.acrel.setFaults({});
    await h.call('sync.now', {});
    await eventually(async () => (await h.call('sales.get', { id: sale.id })).status === 'issued', 10_000, 'the pending credit to be delivered');
    expect([...h.sims.acrel.rechargesByKey.keys()]).toEqual([sale.id]);
  });
});
