// XMLVend 2.1 requests, written strictly: each element in the namespace of the NRS schema that
// declares it (BaseReq's and the base types' elements in base, the revenue requests' own elements
// in revenue, the meter requests' own in meter), in the schema's order, with xsi:type wherever the
// declared type is abstract or the captured requests carry one. Inputs are checked first
// (write-input.ts); the XML is a DOM serialised by @xmldom/xmldom (write-soap.ts).
//
// Every request opens with BaseReq: clientID (EANDeviceID), terminalID (GenericDeviceID or
// EANDeviceID, as the settings say), msgID, authCred (opName, password). Conlog's vendingServerID,
// when configured, goes first, as its schema places it; its PayAccReq carries the id instead as a
// trailing revenue:vendingServerId (an int), which is how ENDE's server took it.
import type { Element } from '@xmldom/xmldom';
import { z } from 'zod';
import type { MsgId } from './msg-id';
import { checkXmlVendSettings, type XmlVendSettings } from './settings';
import { minorToDecimal } from './money';
import {
  AdviceInput, checkRequest, MeterInput, MsgIdInput, PayAccInput, PwrLmtInput, VendInput,
  type PayType,
} from './write-input';
import { SoapMessage, type XmlVendNs, type XsiType } from './write-soap';

export { soapContentType } from './write-soap';

const B = (name: string): XsiType => ({ ns: 'base', name });
const R = (name: string): XsiType => ({ ns: 'revenue', name });
const M = (name: string): XsiType => ({ ns: 'meter', name });

interface Started {
  m: SoapMessage;
  s: XmlVendSettings;
}

/** The envelope, the request element and its BaseReq. */
function start(settings: XmlVendSettings, msgId: MsgId, root: { ns: XmlVendNs; name: string; type?: XsiType }, vendingServerIdFirst = true): Started {
  const s = checkXmlVendSettings(settings);
  const { msgId: id } = checkRequest(z.object({ msgId: MsgIdInput }), { msgId }, root.name);
  const m = new SoapMessage(s.soapVersion, root.ns, root.name, { type: root.type });
  const r = m.message;
  if (vendingServerIdFirst && s.conlogVendingServerId !== undefined) m.addText(r, 'base', 'vendingServerID', s.conlogVendingServerId);
  m.add(r, 'base', 'clientID', { type: B('EANDeviceID'), attrs: { ean: s.clientId } });
  m.add(r, 'base', 'terminalID', s.terminalIdKind === 'ean'
    ? { type: B('EANDeviceID'), attrs: { ean: s.terminalId } }
    : { type: B('GenericDeviceID'), attrs: { id: s.terminalId } });
  m.add(r, 'base', 'msgID', { attrs: { dateTime: id.dateTime, uniqueNumber: String(id.uniqueNumber) } });
  const auth = m.add(r, 'base', 'authCred');
  m.addText(auth, 'base', 'opName', s.opName);
  m.addText(auth, 'base', 'password', s.password);
  return { m, s };
}

/** A Currency: value in the server's currency with its ISO 4217 decimals, and its code. */
function currency(x: Started, parent: Element, ns: XmlVendNs, name: string, minor: number): Element {
  return x.m.add(parent, ns, name, { attrs: { value: minorToDecimal(minor, x.s.currency), symbol: x.s.currency } });
}

/** A VendIDMethod naming the meter by its number, as element `idMethod` of namespace `ns`. */
function vendIdMethod(x: Started, parent: Element, ns: XmlVendNs, meterNumber: string): void {
  const id = x.m.add(parent, ns, 'idMethod', { type: B('VendIDMethod') });
  x.m.add(id, 'base', 'meterIdentifier', { type: B('MeterNumber'), attrs: { msno: meterNumber } });
}

/** payType (declared in revenue by AbstractCreditVendReq and PayAccReq); the pay types are base types. */
function payType(x: Started, parent: Element, p: PayType, amountMinor: number): void {
  if (p.kind === 'cash') {
    const el = x.m.add(parent, 'revenue', 'payType', { type: B('Cash') });
    currency(x, el, 'base', 'tenderAmt', p.tenderedMinor);
  } else if (p.kind === 'card') {
    const el = x.m.add(parent, 'revenue', 'payType', { type: B(p.cardType === 'credit' ? 'CreditCard' : 'DebitCard') });
    currency(x, el, 'base', 'cardAmt', amountMinor);
    x.m.addText(el, 'base', 'accHolderName', p.holderName);
    x.m.addText(el, 'base', 'pan', p.pan);
    x.m.addText(el, 'base', 'expDate', p.expiry);
    x.m.addText(el, 'base', 'cvNum', p.cvNum);
    x.m.addText(el, 'base', 'clearingHouse', p.clearingHouse);
  } else {
    x.m.add(parent, 'revenue', 'payType', { type: B('Unknown') });
  }
}

/** BaseVendReq's own elements: the resource (electricity) and the meter. */
function baseVendReq(x: Started, meterNumber: string): void {
  x.m.add(x.m.message, 'base', 'resource', { type: B('Electricity') });
  vendIdMethod(x, x.m.message, 'base', meterNumber);
}

function creditVend(name: 'creditVendReq' | 'trialCreditVendReq', type: string, settings: XmlVendSettings, msgId: MsgId, input: VendInput): string {
  const i = checkRequest(VendInput, input, name);
  const x = start(settings, msgId, { ns: 'revenue', name, type: R(type) });
  baseVendReq(x, i.meterNumber);
  const pv = x.m.add(x.m.message, 'revenue', 'purchaseValue', { type: R('PurchaseValueCurrency') });
  currency(x, pv, 'revenue', 'amt', i.amountMinor);
  if (i.payType) payType(x, x.m.message, i.payType, i.amountMinor);
  return x.m.toString();
}

/** creditVendReq: a credit token for `amountMinor` of the server's currency (a sale). */
export function buildCreditVendReq(settings: XmlVendSettings, msgId: MsgId, input: VendInput): string {
  return creditVend('creditVendReq', 'CreditVendReq', settings, msgId, input);
}

/** trialCreditVendReq: what a credit vend would give, without a token of value (a quote). */
export function buildTrialCreditVendReq(settings: XmlVendSettings, msgId: MsgId, input: VendInput): string {
  return creditVend('trialCreditVendReq', 'TrialCreditVendReq', settings, msgId, input);
}

function byMeter(name: 'confirmCustomerReq' | 'reprintReq', settings: XmlVendSettings, msgId: MsgId, input: MeterInput): string {
  const i = checkRequest(MeterInput, input, name);
  const x = start(settings, msgId, { ns: 'revenue', name });
  vendIdMethod(x, x.m.message, 'revenue', i.meterNumber);
  return x.m.toString();
}

/** confirmCustomerReq: the customer and meter the server knows by this meter number. */
export function buildConfirmCustomerReq(settings: XmlVendSettings, msgId: MsgId, input: MeterInput): string {
  return byMeter('confirmCustomerReq', settings, msgId, input);
}

/** reprintReq: the server's last transactions for this meter. */
export function buildReprintReq(settings: XmlVendSettings, msgId: MsgId, input: MeterInput): string {
  return byMeter('reprintReq', settings, msgId, input);
}

const PAY_ACCOUNT_TYPE = { account: null, debtRecovery: 'DebtRecovery', serviceCharge: 'ServiceChrg' } as const;

/** payAccReq: `amountMinor` paid into an account (postpaid bill, debt, service charge). */
export function buildPayAccReq(settings: XmlVendSettings, msgId: MsgId, input: PayAccInput): string {
  const i = checkRequest(PayAccInput, input, 'payAccReq');
  const x = start(settings, msgId, { ns: 'revenue', name: 'payAccReq' }, false);
  const r = x.m.message;
  currency(x, r, 'revenue', 'reqAmt', i.amountMinor);
  if (i.payType) payType(x, r, i.payType, i.amountMinor);
  const t = PAY_ACCOUNT_TYPE[i.account.kind];
  const acc = x.m.add(r, 'revenue', 'payAccount', t ? { type: R(t) } : {});
  if (i.account.desc !== undefined) x.m.addText(acc, 'revenue', 'desc', i.account.desc);
  if (i.account.accountNo !== undefined) {
    const id = x.m.add(acc, 'revenue', 'idMethod', { type: B('CustIDMethod') });
    x.m.add(id, 'base', 'custIdentifier', { type: B('CustAccountNo'), attrs: { accNo: i.account.accountNo } });
  } else {
    vendIdMethod(x, acc, 'revenue', i.account.meterNumber!);
  }
  if (x.s.conlogVendingServerId !== undefined) x.m.addText(r, 'revenue', 'vendingServerId', x.s.conlogVendingServerId);
  return x.m.toString();
}

/**
 * adviceReq of type LastRespAdviceReq: the server's last answer to the message `adviceReqMsgId`
 * (whose answer was lost), sent again. Never a second vend.
 */
export function buildLastRespAdviceReq(settings: XmlVendSettings, msgId: MsgId, input: AdviceInput): string {
  const i = checkRequest(AdviceInput, input, 'adviceReq');
  const x = start(settings, msgId, { ns: 'base', name: 'adviceReq', type: B('LastRespAdviceReq') });
  const a = i.adviceReqMsgId;
  x.m.add(x.m.message, 'base', 'adviceReqMsgID', { attrs: { dateTime: a.dateTime, uniqueNumber: String(a.uniqueNumber) } });
  return x.m.toString();
}

/** A meter-specific engineering request: element meterSpecificEngReq, its kind by xsi:type. */
function engineering(type: string, settings: XmlVendSettings, msgId: MsgId, meterNumber: string): Started {
  const x = start(settings, msgId, { ns: 'meter', name: 'meterSpecificEngReq', type: M(type) });
  baseVendReq(x, meterNumber);
  return x;
}

/** ClearCreditReq: an engineering token that clears the meter's credit. */
export function buildClearCreditReq(settings: XmlVendSettings, msgId: MsgId, input: MeterInput): string {
  const i = checkRequest(MeterInput, input, 'ClearCreditReq');
  return engineering('ClearCreditReq', settings, msgId, i.meterNumber).m.toString();
}

/** ClearTamperReq: an engineering token that clears the meter's tamper state. */
export function buildClearTamperReq(settings: XmlVendSettings, msgId: MsgId, input: MeterInput): string {
  const i = checkRequest(MeterInput, input, 'ClearTamperReq');
  return engineering('ClearTamperReq', settings, msgId, i.meterNumber).m.toString();
}

/** PwrLmtReq: an engineering token setting the meter's power limit (kW with one decimal on the wire). */
export function buildPwrLmtReq(settings: XmlVendSettings, msgId: MsgId, input: PwrLmtInput): string {
  const i = checkRequest(PwrLmtInput, input, 'PwrLmtReq');
  const x = engineering('PwrLmtReq', settings, msgId, i.meterNumber);
  const kw = `${Math.floor(i.powerLimitW / 1000)}.${(i.powerLimitW % 1000) / 100}`;
  x.m.add(x.m.message, 'meter', 'pwrLmt', { attrs: { value: kw, siUnit: 'kW' } });
  return x.m.toString();
}

/** loginReq: Hexing's extension, a BaseReq alone, sent before vending when the server wants it. */
export function buildLoginReq(settings: XmlVendSettings, msgId: MsgId): string {
  return start(settings, msgId, { ns: 'revenue', name: 'loginReq' }).m.toString();
}
