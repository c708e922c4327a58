// The XMLVend simulator's other use cases: reprint (a meter's previous vends, most recent first),
// account payment (arrears and postpaid accounts), engineering tokens (real ones the meter takes),
// free basic electricity once a month, the vendor's credit, and the fault admin endpoint.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attr, child, children, descendants, text } from '../../../main/vendors/xmlvend/xml';
import { XMLVEND_DEMO_ACCOUNTS, XMLVEND_DEMO_METERS } from '../../sim/xmlvend/demo';
import { startXmlVendSim, type XmlVendSim } from '../../sim/xmlvend/server';
import { createSimClock } from '../../sim/world/clock';
import { amountsIn, call, creditVendReq, decimal, engineeringReq, newMsgId, payAccReq, reprintReq, tokensIn } from './xmlvend-requests';

const METER = XMLVEND_DEMO_METERS[0]!.number;
const FBE_METER = XMLVEND_DEMO_METERS[1]!.number;
const DEBT_METER = XMLVEND_DEMO_METERS[2]!.number;
const POSTPAID = XMLVEND_DEMO_ACCOUNTS[0]!;

describe.each(['hexing', 'conlog'] as const)('%s style', (style) => {
  let sim: XmlVendSim;
  const clock = createSimClock(() => new Date('2026-03-30T10:00:00Z'), { frozen: true });
  beforeAll(async () => {
    sim = await startXmlVendSim({ style, currency: 'LYD', pricePerKwh: '0.050', clock, reprintCount: 3, debtRecoveryPercent: 0 });
  });
  afterAll(() => sim.close());
  const vend = (msno: string, value: string) => call(sim.url, creditVendReq({ msgId: newMsgId(), msno, value, symbol: 'LYD', dialect: style }));

  it('reprint: the meter\'s previous vends, most recent first, as many as configured', async () => {
    expect((await call(sim.url, reprintReq({ msgId: newMsgId(), msno: METER, dialect: style }))).fault).toBe('ReprintEx');
    const sold: string[] = [];
    for (const value of ['1.000', '2.000', '3.000', '4.000']) sold.push(tokensIn((await vend(METER, value)).message)[0]!.digits);
    const a = await call(sim.url, reprintReq({ msgId: newMsgId(), msno: METER, dialect: style }));
    const reprints = children(a.message, 'reprint');
    expect(reprints.map((r) => tokensIn(r)[0]!.digits)).toEqual(sold.slice(1).reverse());
    // A reprint is not a sale.
    expect(sim.ledger.vends(METER)).toHaveLength(4);
  });

  it('account payment pays a meter\'s arrears; nothing owed is DebtEx', async () => {
    sim.setFlags(DEBT_METER, { debtMinor: 12_500 });
    const a = await call(sim.url, payAccReq({ msgId: newMsgId(), accNo: `ACC-${DEBT_METER}`, value: '10.000', symbol: 'LYD', dialect: style }));
    const tx = descendants(a.message, 'tx')[0]!;
    expect(text(child(tx, 'accDesc'))).toBe('Arrears Debt Collection');
    expect(amountsIn(a.message, 3)).toEqual([{ type: 'DebtRecoveryTx', minor: 10_000 }]);
    expect(attr(child(tx, 'balance')!, 'value')).toBe('2.500');
    expect(attr(child(child(a.message, 'payAccReceipt')!, 'meterDetail')!, 'msno')).toBe(DEBT_METER);
    expect(sim.flags(DEBT_METER).debtMinor).toBe(2_500);
    await call(sim.url, payAccReq({ msgId: newMsgId(), accNo: `ACC-${DEBT_METER}`, value: '2.500', symbol: 'LYD', dialect: style }));
    const none = await call(sim.url, payAccReq({ msgId: newMsgId(), accNo: `ACC-${DEBT_METER}`, value: '1.000', symbol: 'LYD', dialect: style }));
    expect(none.fault).toBe('DebtEx');
    expect(sim.ledger.payments()).toHaveLength(2);
  });

  it('account payment settles a postpaid account', async () => {
    const before = sim.account(POSTPAID.accNo)!.balanceMinor;
    const a = await call(sim.url, payAccReq({ msgId: newMsgId(), accNo: POSTPAID.accNo, value: '20.000', symbol: 'LYD', dialect: style, type: 'PayAccount' }));
    expect(a.fault).toBeNull();
    expect(sim.account(POSTPAID.accNo)!.balanceMinor).toBe(before - 20_000);
    expect(attr(child(a.message, 'custVendDetail')!, 'name')).toBe(POSTPAID.name);
  });

  it('engineering: clear credit, clear tamper and power limit tokens the meter accepts', async () => {
    const eng = async (kind: 'ClearCreditReq' | 'ClearTamperReq' | 'PwrLmtReq', pwrLmt?: { value: string; siUnit: string }) => {
      const a = await call(sim.url, engineeringReq({ msgId: newMsgId(), msno: METER, kind, pwrLmt }));
      expect(a.fault).toBeNull();
      expect(a.message.localName).toBe('meterSpecificEngResp');
      return text(descendants(a.message, 'stsCipher')[0] ?? null)!;
    };
    expect(sim.meters.enterToken(METER, await eng('ClearTamperReq'))).toMatchObject({ accepted: true, management: 'clear_tamper' });
    expect(sim.meters.enterToken(METER, await eng('PwrLmtReq', { value: '4.6', siUnit: 'kW' }))).toMatchObject({ accepted: true, management: 'set_power_limit' });
    expect(sim.meters.enterToken(METER, await eng('ClearCreditReq'))).toMatchObject({ accepted: true, management: 'clear_credit', balanceTenths: 0 });
    expect(sim.ledger.engineering().map((e) => [e.kind, e.pwrLmt?.watts ?? null])).toEqual([
      ['ClearTamperReq', null],
      ['PwrLmtReq', 4600],
      ['ClearCreditReq', null],
    ]);
  });

  it('free basic electricity comes with the first purchase of each month, and only when registered', async () => {
    const kinds = async (msno: string) => tokensIn((await vend(msno, '1.000')).message).map((t) => t.kind);
    expect(await kinds(METER)).toEqual(['credit']);
    expect(await kinds(FBE_METER)).toEqual(['fbe', 'credit']);
    expect(await kinds(FBE_METER)).toEqual(['credit']);
    clock.advance(3 * 86_400_000); // into April
    const april = await vend(FBE_METER, '1.000');
    const tokens = tokensIn(april.message);
    expect(tokens.map((t) => [t.kind, t.tenths])).toEqual([
      ['fbe', 500],
      ['credit', 200],
    ]);
    // FBE is free: its transaction is 0, the purchase is all in the credit.
    expect(amountsIn(april.message, 3).reduce((s, t) => s + t.minor, 0)).toBe(1000);
    for (const t of tokens) expect(sim.meters.enterToken(FBE_METER, t.digits).accepted).toBe(true);
  });

  it('the vendor\'s credit pays for purchases; when it runs out, VendorCreditEx', async () => {
    const left = sim.vendorCreditMinor();
    const a = await vend(METER, '5.000');
    expect(attr(descendants(a.message, 'availCredit')[0]!, 'value')).toBe(decimal(left - 5_000, 3));
    expect(sim.vendorCreditMinor()).toBe(left - 5_000);
    sim.configure({ maxVendMinor: Number.MAX_SAFE_INTEGER });
    const tooMuch = await vend(METER, decimal(left - 5_000 + 1, 3));
    expect(tooMuch.fault).toBe('VendorCreditEx');
  });

  it('takes the same fault set over /__sim/faults as the other simulators', async () => {
    const admin = (body?: unknown) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = http.request(`${sim.url}/__sim/faults`, { method: body === undefined ? 'GET' : 'POST', agent: false }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        });
        req.on('error', reject);
        req.end(body === undefined ? undefined : JSON.stringify(body));
      });
    expect((await admin({ failNext: { status: 502 } })).status).toBe(200);
    expect(JSON.parse((await admin()).body)).toEqual({ faults: { failNext: { status: 502 } } });
    const failed = await vend(METER, '1.000');
    expect([failed.status, failed.fault]).toEqual([502, 'SystemEx']);
    expect((await admin({ latencyMs: -1 })).status).toBe(400);
    expect(sim.requestLog().some((r) => r.path.startsWith('/__sim'))).toBe(false);
  });
});
