// Selling through the XMLVend simulator, in both styles: a credit vend's token loads on the meter
// with the energy the answer states; the transactions add up exactly to the purchase value in a
// 3-decimal currency; a trial vend changes nothing; confirm customer; SOAP 1.2 in, 1.2 out; bad
// credentials, unknown meters and wrong amounts are the XMLVend faults a real server gives.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NS } from '../../../main/vendors/xmlvend/ns';
import { attr, child, descendants, text } from '../../../main/vendors/xmlvend/xml';
import { DEMO_BAD_CHECK_DIGIT_METER, DEMO_UNKNOWN_STS_METER } from '../../sim/demo-data';
import { XMLVEND_DEMO_CREDENTIALS, XMLVEND_DEMO_METERS } from '../../sim/xmlvend/demo';
import { startXmlVendSim, type XmlVendSim } from '../../sim/xmlvend/server';
import { amountsIn, call, confirmCustomerReq, creditVendReq, faultDesc, newMsgId, post, soap12, tokensIn } from './xmlvend-requests';

const METER = XMLVEND_DEMO_METERS[0]!.number;
const DEBT_METER = XMLVEND_DEMO_METERS[2]!.number;

describe.each(['hexing', 'conlog'] as const)('%s style', (style) => {
  let sim: XmlVendSim;
  beforeAll(async () => {
    sim = await startXmlVendSim({ style, currency: 'LYD', pricePerKwh: '0.045' });
  });
  afterAll(() => sim.close());
  beforeEach(() => sim.configure({ vatRateBp: 0, serviceChargeMinor: 0, debtRecoveryPercent: 25 }));

  const vend = (o: { msno?: string; value: string; trial?: boolean; symbol?: string }) =>
    call(sim.url, creditVendReq({ msgId: newMsgId(), msno: o.msno ?? METER, value: o.value, symbol: o.symbol ?? 'LYD', dialect: style, trial: o.trial }));

  it('a credit vend gives a real token that the meter accepts, crediting the energy the answer states', async () => {
    const before = sim.meters.balanceTenths(METER);
    const a = await vend({ value: '9.000' });
    expect(a.status).toBe(200);
    expect(a.contentType).toMatch(/^text\/xml/);
    const tokens = tokensIn(a.message);
    expect(tokens.map((t) => t.kind)).toEqual(['credit']);
    // 9.000 LYD at 0.045 LYD/kWh: 200.0 kWh.
    expect(tokens[0]!.tenths).toBe(2000);
    expect(sim.meters.enterToken(METER, tokens[0]!.digits)).toMatchObject({ accepted: true, amountTenths: 2000 });
    expect(sim.meters.balanceTenths(METER)).toBe(before + 2000);
    expect(sim.meters.enterToken(METER, tokens[0]!.digits)).toEqual({ accepted: false, reason: 'USED' });
    expect(sim.ledger.vends(METER).at(-1)!.sale.digits).toBe(tokens[0]!.digits);
  });

  it('transactions and tax add up exactly to the purchase value in LYD (3 decimals)', async () => {
    sim.configure({ vatRateBp: 1500, serviceChargeMinor: 750, debtRecoveryPercent: 25 });
    sim.setFlags(DEBT_METER, { debtMinor: 5_000 });
    for (const value of ['13.337', '1.001', '250.000']) {
      const debtBefore = sim.flags(DEBT_METER).debtMinor;
      const a = await vend({ msno: DEBT_METER, value });
      expect(a.fault).toBeNull();
      const amounts = amountsIn(a.message, 3);
      const purchase = Number(value.replace('.', ''));
      expect(amounts.reduce((s, t) => s + t.minor, 0)).toBe(purchase);
      // Every amount on the wire has exactly the currency's three decimals.
      for (const v of descendants(a.message, 'amt').map((e) => attr(e, 'value')!)) expect(v).toMatch(/^\d+\.\d{3}$/);
      const types = amounts.map((t) => t.type);
      expect(types).toContain('ServiceChrgTx');
      expect(types).toContain(style === 'hexing' ? 'CreditVendTx.tax' : 'ServiceChrgTx');
      const debt = amounts.find((t) => t.type === 'DebtRecoveryTx')?.minor ?? 0;
      expect(sim.flags(DEBT_METER).debtMinor).toBe(debtBefore - debt);
      // The credit token carries what the net amount buys.
      const credit = tokensIn(a.message).find((t) => t.kind === 'credit')!;
      expect(sim.meters.enterToken(DEBT_METER, credit.digits)).toMatchObject({ accepted: true, amountTenths: credit.tenths });
    }
    expect(sim.flags(DEBT_METER).debtMinor).toBe(0);
  });

  it('a trial vend is the quote: the same breakdown, a token of 20 zeros, nothing vended or charged', async () => {
    sim.configure({ vatRateBp: 1500 });
    const vendsBefore = sim.ledger.vends().length;
    const creditBefore = sim.vendorCreditMinor();
    const a = await vend({ value: '9.000', trial: true });
    expect(a.message.localName).toBe('trialCreditVendResp');
    const tokens = tokensIn(a.message);
    expect(tokens).toEqual([{ kind: 'credit', digits: '0'.repeat(20), tenths: 1739 }]);
    expect(amountsIn(a.message, 3).reduce((s, t) => s + t.minor, 0)).toBe(9000);
    expect(sim.ledger.vends().length).toBe(vendsBefore);
    expect(sim.vendorCreditMinor()).toBe(creditBefore);
  });

  it('confirm customer: the customer, the meter key data and the vend limits', async () => {
    const a = await call(sim.url, confirmCustomerReq({ msgId: newMsgId(), msno: METER, dialect: style }));
    const res = child(a.message, 'confirmCustResult')!;
    const cust = child(res, 'custVendDetail')!;
    expect(attr(cust, 'name')).toBe(XMLVEND_DEMO_METERS[0]!.customer.nameAr);
    expect(attr(cust, 'address')).toBe(XMLVEND_DEMO_METERS[0]!.address);
    expect(attr(cust, 'accNo')).toBe(`ACC-${METER}`);
    expect(attr(cust, 'locRef')).toBe('ERF-1018');
    const meter = child(res, 'meterDetail')!;
    expect([attr(meter, 'msno'), attr(meter, 'sgc'), attr(meter, 'krn'), Number(attr(meter, 'ti'))]).toEqual([METER, '123456', '1', 1]);
    expect(attr(child(meter, 'meterType')!, 'tt')).toBe('02');
    const config = child(res, 'custVendConfig')!;
    expect(attr(child(config, 'minVendAmt')!, 'value')).toBe('1.000');
    expect(attr(child(config, 'maxVendAmt')!, 'value')).toBe('100000.000');
  });

  it('unknown meters and bad check digits are the faults of their kind', async () => {
    const unknown = await call(sim.url, confirmCustomerReq({ msgId: newMsgId(), msno: DEMO_UNKNOWN_STS_METER, dialect: style }));
    expect([unknown.status, unknown.fault]).toEqual([500, 'ConfirmCustomerEx']);
    expect((await vend({ msno: DEMO_UNKNOWN_STS_METER, value: '5.000' })).fault).toBe('UnknownMeterEx');
    expect((await vend({ msno: DEMO_BAD_CHECK_DIGIT_METER, value: '5.000' })).fault).toBe('MSNOCheckDigitEx');
  });

  it('amounts it cannot take are refused, naming why, and nothing is vended', async () => {
    const before = sim.ledger.vends().length;
    const finer = await vend({ value: '5.0001' });
    expect(finer.fault).toBe('XMLVendSchemaEx');
    expect(faultDesc(finer) ?? '').toMatch(/3 decimals/);
    expect((await vend({ value: '0.500' })).fault).toBe('BusinessRuleEx');
    expect(sim.ledger.vends().length).toBe(before);
    // Conlog refuses another currency; Hexing ignores the symbol and answers in its own (as in
    // CreditVendReq/Resp.1), so the client must check the currency of every answer.
    const other = await vend({ value: '5.000', symbol: 'ZAR' });
    if (style === 'conlog') expect(other.fault).toBe('BusinessRuleEx');
    else expect(attr(descendants(other.message, 'amt')[0]!, 'symbol')).toBe('LYD');
  });

  it('SOAP 1.2 in gives SOAP 1.2 out, faults included', async () => {
    const ok = await call(sim.url, soap12(creditVendReq({ msgId: newMsgId(), msno: METER, value: '4.500', symbol: 'LYD', dialect: style })), { soap12: true });
    expect(ok.contentType).toMatch(/^application\/soap\+xml/);
    expect(ok.doc.documentElement!.namespaceURI).toBe(NS.soap12);
    expect(tokensIn(ok.message)[0]!.tenths).toBe(1000);
    const bad = await call(sim.url, soap12(creditVendReq({ msgId: newMsgId(), msno: DEMO_UNKNOWN_STS_METER, value: '4.500', symbol: 'LYD', dialect: style })), { soap12: true });
    expect(bad.doc.documentElement!.namespaceURI).toBe(NS.soap12);
    expect(bad.fault).toBe('UnknownMeterEx');
    const fault = bad.doc.getElementsByTagNameNS(NS.soap12, 'Fault')[0]!;
    expect(text(descendants(fault, 'Value')[0] ?? null)).toMatch(/:Receiver$/);
    // Plain SOAP 1.1 with a SOAPAction header is the same service.
    const withAction = await post(sim.url, creditVendReq({ msgId: newMsgId(), msno: METER, value: '4.500', symbol: 'LYD', dialect: style }), { soapAction: true });
    expect(withAction.ok && withAction.answer.doc.documentElement!.namespaceURI).toBe(NS.soap11);
  });

  it('a client or operator it does not know gets the authorisation fault, and nothing is vended', async () => {
    const before = sim.ledger.vends().length;
    const req = (creds: typeof XMLVEND_DEMO_CREDENTIALS) => creditVendReq({ msgId: newMsgId(), msno: METER, value: '5.000', symbol: 'LYD', dialect: style, creds });
    const client = await call(sim.url, req({ ...XMLVEND_DEMO_CREDENTIALS, clientEan: '6001234500029' }));
    expect([client.status, client.fault]).toEqual([500, 'ClientIDAuthorisationEx']);
    const password = await call(sim.url, req({ ...XMLVEND_DEMO_CREDENTIALS, password: 'wrong' }));
    expect(password.fault).toBe('RequestAuthorisationEx');
    const operator = await call(sim.url, req({ ...XMLVEND_DEMO_CREDENTIALS, opName: 'SOMEONE' }));
    expect(operator.fault).toBe('RequestAuthorisationEx');
    expect(sim.ledger.vends().length).toBe(before);
  });

  it('what is not an XMLVend request gets a SOAP Client fault; a use case it does not offer, UseCaseSupportEx', async () => {
    const notXml = await post(sim.url, 'this is not XML');
    expect(notXml.ok && [notXml.answer.status, notXml.answer.fault]).toEqual([500, null]);
    if (notXml.ok) expect(text(descendants(notXml.answer.doc.documentElement!, 'faultcode')[0] ?? null)).toMatch(/:Client$/);
    const statement = creditVendReq({ msgId: newMsgId(), msno: METER, value: '5.000', symbol: 'LYD', dialect: style }).replace(/creditVendReq/g, 'vendorStatementReq');
    expect((await call(sim.url, statement)).fault).toBe('UseCaseSupportEx');
    const noMsgId = creditVendReq({ msgId: newMsgId(), msno: METER, value: '5.000', symbol: 'LYD', dialect: style }).replace(/<msgID[^>]*\/>/, '');
    expect((await call(sim.url, noMsgId)).fault).toBe('XMLVendSchemaEx');
  });
});
