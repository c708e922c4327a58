// The simulator answers in the shapes of the two real servers: for each captured answer, the
// simulator's answer to the same use case has the same elements, in the same namespaces, with the
// same attributes, in the same order (values and prefixes aside). A writer that moves, renames or
// re-namespaces one element fails here with the path that differs.
import { afterEach, describe, expect, it } from 'vitest';
import { NS } from '../../../main/vendors/xmlvend/ns';
import { childElements, localName, parseXml } from '../../../main/vendors/xmlvend/xml';
import { startXmlVendSim, type XmlVendSim } from '../../sim/xmlvend/server';
import type { XmlVendSimOptions } from '../../sim/xmlvend/options';
import { call, confirmCustomerReq, creditVendReq, lastRespAdviceReq, newMsgId, payAccReq, post, reprintReq, soap12 } from './xmlvend-requests';
import { sample, shapeDiff, shapeOf } from './xmlvend-shape';

const METER = '04000001018';
const FBE_METER = '04000001026';
const DEBT_METER = '04123456784';

const HEXING: XmlVendSimOptions = { style: 'hexing', currency: 'ZAR', symbol: 'R', vatRateBp: 1500, pricePerKwh: '1.21' };
const CONLOG: XmlVendSimOptions = { style: 'conlog', currency: 'AOA', vatRateBp: 1400, pricePerKwh: '2.46', debtRecoveryPercent: 0 };

let sims: XmlVendSim[] = [];
afterEach(async () => {
  await Promise.all(sims.map((s) => s.close()));
  sims = [];
});
async function sim(o: XmlVendSimOptions): Promise<XmlVendSim> {
  const s = await startXmlVendSim(o);
  sims.push(s);
  return s;
}

function expectShape(sampleName: string, body: string): void {
  expect(shapeDiff(shapeOf(sample(sampleName)), shapeOf(body))).toEqual([]);
}

const dialect = (s: XmlVendSim) => s.style;
const vend = (s: XmlVendSim, msno = METER, o: { trial?: boolean } = {}) =>
  call(s.url, creditVendReq({ msgId: newMsgId(), msno, value: '90.00', symbol: s.currency, dialect: dialect(s), trial: o.trial }));

describe('Hexing style', () => {
  it('a credit vend with VAT is shaped as CreditVendResp.1, inside an envelope with an empty Header', async () => {
    const s = await sim(HEXING);
    const a = await vend(s);
    expectShape('CreditVendResp.1.xml', a.body);
    expect(childElements(parseXml(a.body).documentElement!).map(localName)).toEqual(['Header', 'Body']);
  });

  it('with a service charge as CreditVendResp.2', async () => {
    const s = await sim({ ...HEXING, serviceChargeMinor: 4000 });
    expectShape('CreditVendResp.2.xml', (await vend(s)).body);
  });

  it('with free basic electricity and a key change as CreditVendResp.3', async () => {
    const s = await sim(HEXING);
    s.setFlags(FBE_METER, { keyChange: { krn: 2 } });
    expectShape('CreditVendResp.3.xml', (await vend(s, FBE_METER)).body);
  });

  it('trial vend, confirm customer, reprint and advice as their samples', async () => {
    const s = await sim(HEXING);
    expectShape('TrialCreditVendResp.1.xml', (await vend(s, METER, { trial: true })).body);
    expectShape('ConfirmCustomerResp.1.xml', (await call(s.url, confirmCustomerReq({ msgId: newMsgId(), msno: METER }))).body);
    const first = newMsgId();
    await call(s.url, creditVendReq({ msgId: first, msno: METER, value: '90.00', symbol: 'R' }));
    await vend(s);
    expectShape('ReprintResp.1.xml', (await call(s.url, reprintReq({ msgId: newMsgId(), msno: METER }))).body);
    expectShape('LastRespAdviceResp.1.xml', (await call(s.url, lastRespAdviceReq({ msgId: newMsgId(), advice: first }))).body);
  });

  it('a fault as FaultResp.1 (SystemEx with a fault code, no header)', async () => {
    const s = await sim(HEXING);
    const fbeReq = creditVendReq({ msgId: newMsgId(), msno: METER, value: '1', symbol: 'R' }).replace(/creditVendReq/g, 'fbeReq');
    const a = await call(s.url, fbeReq);
    expect(a.status).toBe(500);
    expect(a.fault).toBe('SystemEx');
    expectShape('FaultResp.1.xml', a.body);
  });
});

describe('Conlog style', () => {
  it('a credit vend with VAT is shaped as CreditVendResp.4, in an envelope without a Header', async () => {
    const s = await sim(CONLOG);
    const a = await vend(s);
    expectShape('CreditVendResp.4.xml', a.body);
    expect(childElements(parseXml(a.body).documentElement!).map(localName)).toEqual(['Body']);
  });

  it('with a key change as CreditVendResp.5 (the pair in CreditVendTx carriers of their own)', async () => {
    const s = await sim(CONLOG);
    s.setFlags(METER, { keyChange: { ti: '02' } });
    expectShape('CreditVendResp.5.xml', (await vend(s)).body);
  });

  it('trial vend, confirm customer, reprint, advice and account payment as their samples', async () => {
    const s = await sim(CONLOG);
    expectShape('TrialCreditVendResp.2.xml', (await vend(s, METER, { trial: true })).body);
    expectShape('ConfirmCustomerResp.2.xml', (await call(s.url, confirmCustomerReq({ msgId: newMsgId(), msno: METER, dialect: 'conlog' }))).body);
    const first = newMsgId();
    await call(s.url, creditVendReq({ msgId: first, msno: METER, value: '100', symbol: 'AOA', dialect: 'conlog' }));
    await vend(s);
    expectShape('ReprintResp.2.xml', (await call(s.url, reprintReq({ msgId: newMsgId(), msno: METER, dialect: 'conlog' }))).body);
    expectShape('LastRespAdviceResp.2.xml', (await call(s.url, lastRespAdviceReq({ msgId: newMsgId(), advice: first, dialect: 'conlog' }))).body);
    s.setFlags(DEBT_METER, { debtMinor: 1_018_700 });
    expectShape('PayAccResp.1.xml', (await call(s.url, payAccReq({ msgId: newMsgId(), accNo: `ACC-${DEBT_METER}`, value: '100', symbol: 'AOA', dialect: 'conlog' }))).body);
  });

  it('a request it cannot read in SOAP 1.2 is answered as FaultResp.2 (Sender, no XMLVend detail)', async () => {
    const s = await sim(CONLOG);
    const broken = soap12(confirmCustomerReq({ msgId: newMsgId(), msno: METER, dialect: 'conlog' })).replace('<soapenv:Body>', '<soapenv:Body><');
    const sent = await post(s.url, broken, { soap12: true });
    if (!sent.ok) throw new Error(sent.error);
    expect(sent.answer.status).toBe(400);
    expect(sent.answer.contentType).toMatch(/^application\/soap\+xml/);
    expect(sent.answer.doc.documentElement!.namespaceURI).toBe(NS.soap12);
    expectShape('FaultResp.2.xml', sent.answer.body);
  });
});
