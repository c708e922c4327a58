// Key change: a simulated meter loads a new key from a key-change pair typed in order, and the
// XMLVend simulator, for a meter flagged for key change, sends the pair FIRST and the credit under
// the new key — all real tokens, which the meter takes only in that order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditToken, deriveDecoderKey, keyChangeTokens, meterPan } from '../../../main/sts';
import { DEMO_STS_METERS } from '../../sim/demo-data';
import { SimStsMeter } from '../../sim/sts-meter';
import { startXmlVendSim, type XmlVendSim } from '../../sim/xmlvend/server';
import { call, creditVendReq, newMsgId, tokensIn } from './xmlvend-requests';

const DEMO = DEMO_STS_METERS[2]!;
const keyFor = (krn: number, ti = DEMO.keys.ti) => deriveDecoderKey({ ...DEMO.keys, krn, ti, pan: meterPan(DEMO.number) });

describe('SimStsMeter: a key-change pair, then credit under the new key', () => {
  const oldKey = keyFor(1);
  const newKey = keyFor(2, '03');
  const pair = keyChangeTokens({ decoderKey: oldKey, newDecoderKey: newKey, ken: 255, krn: 2, rollover: false, keyType: 2, ti: '03' });
  const credit = (key: string, tid: number) => creditToken({ decoderKey: key, subclass: 0, tid, rnd: 3, tenths: 125 });

  it('refuses credit under the new key before the pair, and the second half without the first', () => {
    const m = new SimStsMeter(DEMO);
    expect(m.enterToken(credit(newKey, 1000))).toEqual({ accepted: false, reason: 'REJECTED_CRC' });
    expect(m.enterToken(pair[1])).toEqual({ accepted: false, reason: 'KEY_CHANGE_ORDER' });
    expect(m.decoderKey).toBe(oldKey);
  });

  it('takes the pair in order, then the new key credit; old-key tokens no longer load', () => {
    const m = new SimStsMeter(DEMO);
    expect(m.enterToken(pair[0])).toMatchObject({ accepted: true, keyChange: 'first' });
    expect(m.decoderKey).toBe(oldKey);
    expect(m.enterToken(pair[1])).toMatchObject({ accepted: true, keyChange: 'second' });
    expect(m.decoderKey).toBe(newKey);
    expect(m.keyData).toEqual({ keyType: 2, krn: 2, ti: '03' });
    expect(m.enterToken(credit(newKey, 1000))).toMatchObject({ accepted: true, amountTenths: 125, balanceTenths: 125 });
    expect(m.enterToken(credit(oldKey, 1001))).toEqual({ accepted: false, reason: 'REJECTED_CRC' });
    // The pair was made with the old key: typed again it is noise to the new one.
    expect(m.enterToken(pair[0])).toEqual({ accepted: false, reason: 'REJECTED_CRC' });
  });

  it('another token between the two halves abandons the change', () => {
    const m = new SimStsMeter(DEMO);
    expect(m.enterToken(pair[0]).accepted).toBe(true);
    expect(m.enterToken(credit(oldKey, 1000)).accepted).toBe(true);
    expect(m.enterToken(pair[1])).toEqual({ accepted: false, reason: 'KEY_CHANGE_ORDER' });
    expect(m.decoderKey).toBe(oldKey);
  });
});

describe.each(['hexing', 'conlog'] as const)('%s: a meter flagged for key change', (style) => {
  let sim: XmlVendSim;
  const meter = DEMO.number;
  beforeAll(async () => {
    sim = await startXmlVendSim({ style, currency: 'LYD', pricePerKwh: '0.050', debtRecoveryPercent: 0 });
  });
  afterAll(() => sim.close());

  it('gets the key-change pair first, then credit under the new key: accepted in that order only', async () => {
    sim.setFlags(meter, { keyChange: { krn: 2, ti: '07' } });
    expect(sim.flags(meter).keyChangePending).toBe(true);
    const a = await call(sim.url, creditVendReq({ msgId: newMsgId(), msno: meter, value: '10.000', symbol: 'LYD', dialect: style }));
    expect(a.fault).toBeNull();
    const tokens = tokensIn(a.message);
    expect(tokens.map((t) => t.kind)).toEqual(['kct1', 'kct2', 'credit']);
    const [kct1, kct2, credit] = tokens as [typeof tokens[0], typeof tokens[0], typeof tokens[0]];

    // Typed before the pair, the credit token is noise to the meter's old key.
    expect(sim.meters.enterToken(meter, credit.digits)).toEqual({ accepted: false, reason: 'REJECTED_CRC' });
    expect(sim.meters.enterToken(meter, kct1.digits)).toMatchObject({ accepted: true, keyChange: 'first' });
    expect(sim.meters.enterToken(meter, kct2.digits)).toMatchObject({ accepted: true, keyChange: 'second' });
    expect(sim.meters.keyData(meter)).toEqual({ keyType: 2, krn: 2, ti: '07' });
    expect(sim.meters.enterToken(meter, credit.digits)).toMatchObject({ accepted: true, amountTenths: 2000 });
    expect(credit.tenths).toBe(2000);

    // The server now vends under the new key, without a pair.
    expect(sim.flags(meter)).toMatchObject({ keyChangePending: false, key: { sgc: DEMO.keys.sgc, krn: 2, ti: '07' } });
    const next = await call(sim.url, creditVendReq({ msgId: newMsgId(), msno: meter, value: '1.000', symbol: 'LYD', dialect: style }));
    const again = tokensIn(next.message);
    expect(again.map((t) => t.kind)).toEqual(['credit']);
    expect(sim.meters.enterToken(meter, again[0]!.digits)).toMatchObject({ accepted: true, amountTenths: 200 });
  });

  it('free basic electricity in the same answer is under the new key too', async () => {
    const fbeMeter = DEMO_STS_METERS[1]!.number;
    sim.setFlags(fbeMeter, { keyChange: { krn: 3 }, fbeEligible: true });
    const a = await call(sim.url, creditVendReq({ msgId: newMsgId(), msno: fbeMeter, value: '2.000', symbol: 'LYD', dialect: style }));
    const tokens = tokensIn(a.message);
    expect(tokens.map((t) => t.kind)).toEqual(['kct1', 'kct2', 'fbe', 'credit']);
    const results = tokens.map((t) => sim.meters.enterToken(fbeMeter, t.digits));
    expect(results.every((r) => r.accepted)).toBe(true);
    expect(results[2]).toMatchObject({ amountTenths: 500 });
    expect(results[3]).toMatchObject({ amountTenths: 400 });
  });
});
