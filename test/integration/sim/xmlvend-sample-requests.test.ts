// The captured requests themselves, sent as they are to a simulator that holds the samples' meters
// and credentials: it must read them as the real servers did — each client's own prefixes, default
// namespaces, Conlog's vendingServerId, a 15-digit msgID dateTime, "900.00000000" — and answer the
// use case, not a schema fault. The body-only dumps (.3) are logs, not requests: not sent here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { child, children, descendants, text } from '../../../main/vendors/xmlvend/xml';
import { XMLVEND_DEMO_METERS } from '../../sim/xmlvend/demo';
import type { XmlVendMeter } from '../../sim/xmlvend/options';
import { startXmlVendSim, type XmlVendSim } from '../../sim/xmlvend/server';
import { call, post, tokensIn } from './xmlvend-requests';
import { sample } from './xmlvend-shape';

const meter = (number: string): XmlVendMeter => ({ ...XMLVEND_DEMO_METERS[0]!, number, accNo: `ACC-${number}` });
const send = (sim: XmlVendSim, name: string) => call(sim.url, sample(name), { soap12: sample(name).includes('http://www.w3.org/2003/05/soap-envelope') });

describe('Hexing requests (samples *.1) to a Hexing-style simulator', () => {
  let sim: XmlVendSim;
  beforeAll(async () => {
    sim = await startXmlVendSim({
      style: 'hexing',
      currency: 'ZAR',
      symbol: 'R',
      vatRateBp: 1500,
      credentials: { clientEan: '0000000000026', opName: 'AG000026', password: 'CENT123456' },
      meters: [meter('14339800360')],
    });
  });
  afterAll(() => sim.close());

  it('confirm customer, trial vend, credit vend, reprint: answered, with real tokens', async () => {
    expect((await send(sim, 'ConfirmCustomerReq.1.xml')).message.localName).toBe('confirmCustomerResp');
    expect(tokensIn((await send(sim, 'TrialCreditVendReq.1.xml')).message)[0]!.digits).toBe('0'.repeat(20));
    const vend = await send(sim, 'CreditVendReq.1.xml');
    expect(vend.fault).toBeNull();
    const token = tokensIn(vend.message)[0]!;
    expect(sim.meters.enterToken('14339800360', token.digits)).toMatchObject({ accepted: true, amountTenths: token.tenths });
    const reprint = await send(sim, 'ReprintReq.1.xml');
    expect(children(reprint.message, 'reprint').map((r) => tokensIn(r)[0]!.digits)).toEqual([token.digits]);
    // The terminal's GenericDeviceID is echoed as it came.
    expect(child(reprint.message, 'terminalID')!.getAttribute('id')).toBe('R202003,202004');
  });

  it('advice about a msgID it never processed is LastResponseEx; fbeReq and loginReq are refused as the server does', async () => {
    expect((await send(sim, 'LastRespAdviceReq.1.xml')).fault).toBe('LastResponseEx');
    expect((await send(sim, 'FbeReq.1.xml')).fault).toBe('SystemEx');
    expect((await send(sim, 'LoginReq.1.xml')).fault).toBe('UseCaseSupportEx');
  });
});

describe('Conlog requests (samples *.2) to a Conlog-style simulator', () => {
  let sim: XmlVendSim;
  beforeAll(async () => {
    sim = await startXmlVendSim({
      style: 'conlog',
      currency: 'AOA',
      vatRateBp: 1400,
      pricePerKwh: '2.46',
      credentials: { clientEan: 'PAGASO', opName: 'PAGASO', password: 'P@GA$0' },
      meters: [meter('04040404040')],
      accounts: [{ accNo: 'ARREARACC005_2', name: 'Isabelle Ringing', address: 'Upington', balanceMinor: 101_870_000 }],
    });
  });
  afterAll(() => sim.close());

  it('confirm customer, trial vend, credit vend, advice of that vend, reprint, account payment', async () => {
    expect((await send(sim, 'ConfirmCustomerReq.2.xml')).message.localName).toBe('confirmCustomerResp');
    const trial = await send(sim, 'TrialCreditVendReq.2.xml');
    expect(trial.fault).toBeNull();
    const vend = await send(sim, 'CreditVendReq.2.xml');
    const token = tokensIn(vend.message)[0]!;
    expect(sim.meters.enterToken('04040404040', token.digits)).toMatchObject({ accepted: true, amountTenths: token.tenths });
    // LastRespAdviceReq.2 asks about CreditVendReq.2's msgID (20210121101931 / 0251).
    const advice = await send(sim, 'LastRespAdviceReq.2.xml');
    expect(tokensIn(child(advice.message, 'lastResponse')!)[0]!.digits).toBe(token.digits);
    expect(tokensIn(children((await send(sim, 'ReprintReq.2.xml')).message, 'reprint')[0]!)[0]!.digits).toBe(token.digits);
    const paid = await send(sim, 'PayAccReq.1.xml');
    expect(text(descendants(paid.message, 'accNo')[0] ?? null)).toBe('ARREARACC005_2');
    expect(sim.account('ARREARACC005_2')!.balanceMinor).toBe(101_870_000 - 10_000);
  });

  it('the SoapUI skeleton the real server refused (TrialCreditVendReq.3, SOAP 1.2) is refused here too', async () => {
    const sent = await post(sim.url, sample('TrialCreditVendReq.3.xml'), { soap12: true });
    if (!sent.ok) throw new Error(sent.error);
    expect([sent.answer.status, sent.answer.fault]).toEqual([400, 'XMLVendSchemaEx']);
  });
});
