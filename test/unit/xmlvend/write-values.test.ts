// The values in the requests we write: amounts exact in the server's currency (ISO 4217 decimals,
// no float on the way), secrets and ids escaped by the serializer and read back identical, the
// msgIDs as given, SOAP 1.2 when configured, and every bad input refused before anything is built.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../main/common/errors';
import { NS } from '../../../main/vendors/xmlvend/ns';
import { checkXmlVendSettings, type XmlVendSettings } from '../../../main/vendors/xmlvend/settings';
import {
  buildClearCreditReq, buildClearTamperReq, buildConfirmCustomerReq, buildCreditVendReq, buildLastRespAdviceReq, buildPayAccReq, buildPwrLmtReq,
  buildReprintReq, buildTrialCreditVendReq, soapContentType,
} from '../../../main/vendors/xmlvend/write';
import { minorToDecimal } from '../../../main/vendors/xmlvend/money';
import { attr, text } from '../../../main/vendors/xmlvend/xml';
import { at, structure } from './structure';

const base = { url: 'https://vend.example/xmlvend', clientId: '6001234567899', terminalId: 'TILL-1', opName: 'OP01', password: 'secret12' };
const lyd = checkXmlVendSettings({ ...base, currency: 'LYD' });
const zar = checkXmlVendSettings({ ...base, currency: 'ZAR' });
const msgId = { dateTime: '20260301093005', uniqueNumber: 42 };
const meter = { meterNumber: '04040404040' };

function badInput(f: () => unknown): AppError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('BAD_INPUT');
    return e as AppError;
  }
  throw new Error('expected a BAD_INPUT error, nothing was thrown');
}

describe('minorToDecimal', () => {
  it("places the currency's ISO 4217 decimals on whole minor units", () => {
    expect(minorToDecimal(12345, 'LYD')).toBe('12.345');
    expect(minorToDecimal(9000, 'ZAR')).toBe('90.00');
    expect(minorToDecimal(5, 'LYD')).toBe('0.005');
    expect(minorToDecimal(0, 'ZAR')).toBe('0.00');
    expect(minorToDecimal(500, 'JPY')).toBe('500');
    expect(minorToDecimal(-5, 'ZAR')).toBe('-0.05');
    expect(minorToDecimal(Number.MAX_SAFE_INTEGER, 'LYD')).toBe('9007199254740.991');
    expect(minorToDecimal(1_000_000_007, 'XCG')).toBe('10000000.07');
  });

  it('refuses what is not a whole number of minor units', () => {
    expect(() => minorToDecimal(1.5, 'ZAR')).toThrow(/not a whole number of minor units/);
    expect(() => minorToDecimal(Number.MAX_SAFE_INTEGER + 1, 'ZAR')).toThrow(/not a whole number of minor units/);
    expect(() => minorToDecimal(Number.NaN, 'ZAR')).toThrow(/not a whole number of minor units/);
  });
});

describe('amounts in the requests', () => {
  it('purchase value and cash tendered in LYD with three decimals, ZAR with two', () => {
    const l = buildCreditVendReq(lyd, msgId, { ...meter, amountMinor: 12345, payType: { kind: 'cash', tenderedMinor: 20000 } });
    expect(attr(at(l, 'purchaseValue', 'amt'), 'value')).toBe('12.345');
    expect(attr(at(l, 'purchaseValue', 'amt'), 'symbol')).toBe('LYD');
    expect(attr(at(l, 'payType', 'tenderAmt'), 'value')).toBe('20.000');
    const z = buildTrialCreditVendReq(zar, msgId, { ...meter, amountMinor: 9000 });
    expect(attr(at(z, 'purchaseValue', 'amt'), 'value')).toBe('90.00');
    expect(attr(at(z, 'purchaseValue', 'amt'), 'symbol')).toBe('ZAR');
  });

  it("an account payment's requested amount, and a card's amount", () => {
    const p = buildPayAccReq(lyd, msgId, {
      amountMinor: 1, account: { kind: 'serviceCharge', accountNo: 'A&B<1>', desc: 'Bill "March" & more' },
      payType: { kind: 'card', cardType: 'debit', holderName: "O'Brien & Sons", pan: '411111******1111', expiry: '202712', cvNum: '123', clearingHouse: 'VISA' },
    });
    expect(attr(at(p, 'reqAmt'), 'value')).toBe('0.001');
    expect(attr(at(p, 'payType', 'cardAmt'), 'value')).toBe('0.001');
    expect(text(at(p, 'payType', 'accHolderName'))).toBe("O'Brien & Sons");
    expect(attr(at(p, 'payAccount', 'idMethod', 'custIdentifier'), 'accNo')).toBe('A&B<1>');
    expect(text(at(p, 'payAccount', 'desc'))).toBe('Bill "March" & more');
    const s = structure(p).nodes;
    expect(s.find((n) => n.name === 'payType')).toMatchObject({ ns: NS.revenue, type: 'DebitCard' });
    // The card's fields in the schema's order, in base (Card is a base type).
    const card = s.slice(s.findIndex((n) => n.name === 'payType') + 1).filter((n) => n.depth === 2).slice(0, 6);
    expect(card.map((n) => [n.ns, n.name])).toEqual(['cardAmt', 'accHolderName', 'pan', 'expDate', 'cvNum', 'clearingHouse'].map((n) => [NS.base, n]));
    expect(s.find((n) => n.name === 'payAccount')).toMatchObject({ ns: NS.revenue, type: 'ServiceChrg' });
  });

  it('"other" payment is the schema\'s Unknown pay type; a plain account has no xsi:type; a meter names an account by VendIDMethod', () => {
    const p = buildPayAccReq(zar, msgId, { amountMinor: 100, payType: { kind: 'other' }, account: { kind: 'account', meterNumber: '04040404040' } });
    const s = structure(p).nodes;
    expect(s.find((n) => n.name === 'payType')).toMatchObject({ type: 'Unknown' });
    // Unknown has no elements: payAccount follows payType directly.
    expect(s[s.findIndex((n) => n.name === 'payType') + 1]).toMatchObject({ depth: 1, name: 'payAccount' });
    expect(s.find((n) => n.name === 'payAccount')).toMatchObject({ ns: NS.revenue, type: null });
    expect(s.find((n) => n.name === 'idMethod')).toMatchObject({ ns: NS.revenue, type: 'VendIDMethod' });
    expect(attr(at(p, 'payAccount', 'idMethod', 'meterIdentifier'), 'msno')).toBe('04040404040');
  });
});

describe('escaping', () => {
  it('special characters in the password, operator and terminal are escaped and read back identical', () => {
    const password = `<p&"'>]]>x`;
    const terminalId = `T<"&'>1`;
    const s = checkXmlVendSettings({ ...base, currency: 'ZAR', password, opName: 'op&<>"', terminalId });
    for (const xml of [buildConfirmCustomerReq(s, msgId, meter), buildLastRespAdviceReq(s, msgId, { adviceReqMsgId: msgId })]) {
      expect(xml).not.toContain(password);
      expect(text(at(xml, 'authCred', 'password'))).toBe(password);
      expect(text(at(xml, 'authCred', 'opName'))).toBe('op&<>"');
      expect(attr(at(xml, 'terminalID'), 'id')).toBe(terminalId);
    }
  });
});

describe('header and message IDs', () => {
  it('BaseReq: the EAN client, the terminal as configured, the msgID as given', () => {
    const g = buildReprintReq(zar, msgId, meter);
    expect(attr(at(g, 'clientID'), 'ean')).toBe('6001234567899');
    expect(attr(at(g, 'terminalID'), 'id')).toBe('TILL-1');
    expect(structure(g).nodes.find((n) => n.name === 'terminalID')?.type).toBe('GenericDeviceID');
    expect(attr(at(g, 'msgID'), 'dateTime')).toBe('20260301093005');
    expect(attr(at(g, 'msgID'), 'uniqueNumber')).toBe('42');
    const e = buildReprintReq({ ...zar, terminalId: '4006381333931', terminalIdKind: 'ean' }, msgId, meter);
    expect(attr(at(e, 'terminalID'), 'ean')).toBe('4006381333931');
    expect(structure(e).nodes.find((n) => n.name === 'terminalID')).toMatchObject({ type: 'EANDeviceID', attrs: ['ean'] });
  });

  it('the advice names the message it asks about', () => {
    const a = buildLastRespAdviceReq(zar, msgId, { adviceReqMsgId: { dateTime: '20260301092959', uniqueNumber: 41 } });
    expect(attr(at(a, 'adviceReqMsgID'), 'dateTime')).toBe('20260301092959');
    expect(attr(at(a, 'adviceReqMsgID'), 'uniqueNumber')).toBe('41');
    expect(structure(a).nodes[0]).toMatchObject({ ns: NS.base, name: 'adviceReq', type: 'LastRespAdviceReq' });
  });
});

describe('engineering requests (meter namespace)', () => {
  const header = ['clientID', 'terminalID', 'msgID', 'authCred', 'opName', 'password', 'resource', 'idMethod', 'meterIdentifier'];
  it.each([
    ['ClearCreditReq', () => buildClearCreditReq(zar, msgId, meter)],
    ['ClearTamperReq', () => buildClearTamperReq(zar, msgId, meter)],
  ])('%s is a meterSpecificEngReq of that type, a BaseVendReq', (type, build) => {
    const s = structure(build()).nodes;
    expect(s[0]).toMatchObject({ ns: NS.meter, name: 'meterSpecificEngReq', type });
    expect(s.slice(1).map((n) => n.name)).toEqual(header);
    expect(s.slice(1).every((n) => n.ns === NS.base)).toBe(true);
  });

  it('PwrLmtReq carries meter:pwrLmt in kilowatts with one decimal', () => {
    const kw = (w: number) => attr(at(buildPwrLmtReq(zar, msgId, { ...meter, powerLimitW: w }), 'pwrLmt'), 'value');
    expect([kw(5500), kw(100), kw(10_000), kw(999_900)]).toEqual(['5.5', '0.1', '10.0', '999.9']);
    const s = structure(buildPwrLmtReq(zar, msgId, { ...meter, powerLimitW: 5500 })).nodes;
    expect(s[0]).toMatchObject({ ns: NS.meter, name: 'meterSpecificEngReq', type: 'PwrLmtReq' });
    expect(s.at(-1)).toMatchObject({ depth: 1, ns: NS.meter, name: 'pwrLmt', attrs: ['siUnit', 'value'] });
    expect(attr(at(buildPwrLmtReq(zar, msgId, { ...meter, powerLimitW: 5500 }), 'pwrLmt'), 'siUnit')).toBe('kW');
  });
});

describe('SOAP versions', () => {
  it('1.1 by default; 1.2 when configured, with the same message inside', () => {
    const s11 = structure(buildCreditVendReq(zar, msgId, { ...meter, amountMinor: 9000 }));
    const s12 = structure(buildCreditVendReq({ ...zar, soapVersion: '1.2' }, msgId, { ...meter, amountMinor: 9000 }));
    expect(zar.soapVersion).toBe('1.1');
    expect(s11.envelope).toBe(NS.soap11);
    expect(s12.envelope).toBe(NS.soap12);
    expect(s12.nodes).toEqual(s11.nodes);
    expect(soapContentType('1.1')).toBe('text/xml; charset=utf-8');
    expect(soapContentType('1.2')).toBe('application/soap+xml; charset=utf-8');
  });
});

describe('bad input is refused before anything is built, in both languages', () => {
  const vend = (i: object, s: XmlVendSettings = zar) => () => buildCreditVendReq(s, msgId, i as never);
  it.each([
    ['letters in the meter number', vend({ meterNumber: '0404040404A', amountMinor: 100 }), ['meterNumber']],
    ['a meter number too long', vend({ meterNumber: '04040404040404', amountMinor: 100 }), ['meterNumber']],
    ['a zero amount', vend({ ...meter, amountMinor: 0 }), ['amountMinor']],
    ['a negative amount', vend({ ...meter, amountMinor: -100 }), ['amountMinor']],
    ['a fraction of a minor unit', vend({ ...meter, amountMinor: 100.5 }), ['amountMinor']],
    ['an amount beyond exact integers', vend({ ...meter, amountMinor: 2 ** 53 }), ['amountMinor']],
    ['cash tendered below the amount', vend({ ...meter, amountMinor: 1000, payType: { kind: 'cash', tenderedMinor: 999 } }), ['tenderedMinor']],
    ['an unknown pay type', vend({ ...meter, amountMinor: 1000, payType: { kind: 'cheque' } }), ['payType']],
    ['a card expiry month 13', vend({ ...meter, amountMinor: 1000, payType: { kind: 'card', cardType: 'credit', holderName: 'A', pan: '4111', expiry: '202713', cvNum: '1', clearingHouse: 'VISA' } }), ['expiry']],
    ['digits in the card holder', vend({ ...meter, amountMinor: 1000, payType: { kind: 'card', cardType: 'credit', holderName: 'A1', pan: '4111', expiry: '202712', cvNum: '1', clearingHouse: 'VISA' } }), ['holderName']],
    ['a power limit not in hundreds of watts', () => buildPwrLmtReq(zar, msgId, { ...meter, powerLimitW: 5550 }), ['powerLimitW']],
    ['a power limit beyond 999.9 kW', () => buildPwrLmtReq(zar, msgId, { ...meter, powerLimitW: 1_000_000 }), ['powerLimitW']],
    ['an account with neither number nor meter', () => buildPayAccReq(zar, msgId, { amountMinor: 1, account: { kind: 'account' } }), ['account']],
    ['an account with both', () => buildPayAccReq(zar, msgId, { amountMinor: 1, account: { kind: 'account', accountNo: 'A1', meterNumber: '04040404040' } }), ['account']],
    ['a space in an account number', () => buildPayAccReq(zar, msgId, { amountMinor: 1, account: { kind: 'account', accountNo: 'A 1' } }), ['accountNo']],
    ['an advice about a 13-digit dateTime', () => buildLastRespAdviceReq(zar, msgId, { adviceReqMsgId: { dateTime: '2026030109300', uniqueNumber: 1 } }), ['adviceReqMsgId']],
    ['a msgID number of 7 digits', () => buildConfirmCustomerReq(zar, { dateTime: '20260301093005', uniqueNumber: 1_000_000 }, meter), ['msgId']],
    ['a msgID number 0', () => buildConfirmCustomerReq(zar, { dateTime: '20260301093005', uniqueNumber: 0 }, meter), ['msgId']],
  ])('%s', (_name, f, fields) => {
    const e = badInput(f);
    expect(e.issues).toEqual(fields);
    expect(e.bilingual.en.length).toBeGreaterThan(10);
    expect(e.bilingual.ar).toMatch(/[\u0600-\u06FF]/);
  });

  it('a field that is not part of the request is named', () => {
    const e = badInput(vend({ ...meter, amountMinor: 100, amountMajor: 1 }));
    expect(e.bilingual.en).toContain('amountMajor');
  });

  it('settings checked too: a hand-made settings object with a bad client ID builds nothing', () => {
    const e = badInput(() => buildConfirmCustomerReq({ ...zar, clientId: 'PAGASO' }, msgId, meter));
    expect(e.issues).toEqual(['clientId']);
  });
});
