// Reading one XMLVend 2.1 message (request or response, with or without its SOAP 1.1/1.2
// envelope) into a ParsedMessage, leniently by local name: servers differ in prefixes, envelopes,
// "null" in numbers and extra elements of their own. What cannot be read for certain (money,
// token digits, the message's identity) is an XmlVendReadError with one sentence, never a guess.
import type { Document, Element } from '@xmldom/xmldom';
import { isIsoCurrency } from '../../common/currency';
import type { CustomerResult, ParsedMessage, RequestDetail, Token } from './model';
import { NS, isXmlVendNamespace } from './ns';
import { fail, XmlVendReadError, type ReadOptions } from './read-error';
import { isXmlVendFaultResp, readFaultResp, readSoapFault } from './read-fault';
import { bool, childText, customer, deviceId, meterDetail, msgId, optMoney, optMsgId, organisation, quantity, rawAmount } from './read-parts';
import { readReceipt, receiptOf, requireReceipt } from './read-receipt';
import { entryOrder, isTokenIssue, tokensOf } from './read-tokens';
import { child, childElements, children, localName, messageElement, parseXml, XmlReadError, xsiType } from './xml';

export { XmlVendReadError, type ReadOptions } from './read-error';

type Soap = ParsedMessage['soap'];

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function blank(type: string, schemaType: string, soap: Soap): ParsedMessage {
  return {
    type, schemaType, soap, reqMsgID: null, receiptNo: null, tokens: [], transactions: [], fault: null,
    clientID: null, serverID: null, terminalID: null, respDateTime: null, dispHeader: null, operatorMsg: null, custMsg: null,
    clientStatus: null, utility: null, vendor: null, customer: null, meterDetail: null, lessRound: null, tenderAmt: null, change: null,
    customers: [], reprints: [], adviceReqMsgID: null, lastResponse: null, request: null,
  };
}

function readRequest(el: Element): RequestDetail {
  const auth = child(el, 'authCred');
  const payAccount = child(el, 'payAccount');
  const idMethod = child(el, 'idMethod') ?? (payAccount ? child(payAccount, 'idMethod') : null);
  const meter = idMethod ? child(idMethod, 'meterIdentifier') : null;
  const cust = idMethod ? child(idMethod, 'custIdentifier') : null;
  const purchase = child(el, 'purchaseValue');
  const payType = child(el, 'payType');
  return {
    opName: auth ? childText(auth, 'opName') : null,
    msno: meter ? meter.getAttribute('msno') || childText(idMethod!, 'meterIdentifier') : null,
    accNo: cust ? cust.getAttribute('accNo') || null : null,
    purchase: purchase ? rawAmount(child(purchase, 'amt')) : null,
    purchaseUnits: purchase ? quantity(child(purchase, 'units'), 'purchaseValue units') : null,
    reqAmt: rawAmount(child(el, 'reqAmt')),
    payType: payType ? xsiType(payType) : null,
    tender: payType ? rawAmount(child(payType, 'tenderAmt') ?? child(payType, 'cardAmt') ?? child(payType, 'cheqAmt')) : null,
    payAccount: payAccount ? xsiType(payAccount) : null,
  };
}

function readCustomers(el: Element, opts: ReadOptions): CustomerResult[] {
  return children(el, 'confirmCustResult').map((r) => {
    const config = child(r, 'custVendConfig');
    const detail = child(r, 'custVendDetail');
    return {
      customer: customer(detail ?? fail('missing required element custVendDetail in confirmCustResult')),
      canVend: config ? bool(config, 'canVend') : null,
      fbeDue: config ? bool(config, 'fbeDue') : null,
      minVendAmt: config ? optMoney(config, 'minVendAmt', opts, 'custVendConfig') : null,
      maxVendAmt: config ? optMoney(config, 'maxVendAmt', opts, 'custVendConfig') : null,
      meterDetail: meterDetail(child(r, 'meterDetail')),
    };
  });
}

/** A fault message (SOAP Fault or xmlvendFaultResp) as a ParsedMessage of type "fault". */
function faultMessage(el: Element, soap: Soap, read: { fault: ParsedMessage['fault']; reqMsgID: ParsedMessage['reqMsgID'] }, schemaType: string): ParsedMessage {
  const m = blank('fault', schemaType, soap);
  m.fault = read.fault;
  m.reqMsgID = read.reqMsgID;
  if (localName(el) !== 'Fault') readHeader(el, m);
  return m;
}

/** BaseResp / BaseReq header elements every message shares. */
function readHeader(el: Element, m: ParsedMessage): void {
  m.clientID = deviceId(el, 'clientID');
  m.serverID = deviceId(el, 'serverID');
  m.terminalID = deviceId(el, 'terminalID');
  m.respDateTime = childText(el, 'respDateTime');
  m.dispHeader = childText(el, 'dispHeader');
  m.operatorMsg = childText(el, 'operatorMsg');
  m.custMsg = childText(el, 'custMsg');
}

/**
 * One message element. `typeName` is what the message is called: the element's own name, or for
 * the earlier responses a reprint or an advice holds, their xsi:type (CreditVendResp).
 */
function readMessage(el: Element, typeName: string, soap: Soap, opts: ReadOptions): ParsedMessage {
  const schemaType = xsiType(el) ?? upperFirst(typeName);
  if (isXmlVendFaultResp(el)) return faultMessage(el, soap, readFaultResp(el), 'XMLVendFaultResp');
  const m = blank(lowerFirst(typeName), schemaType, soap);
  const isRequest = /Req$/.test(typeName) || /Req$/.test(schemaType);
  const isResponse = !isRequest && (/Resp$/.test(typeName) || /Resp$/.test(schemaType));
  readHeader(el, m);
  if (isRequest) {
    m.reqMsgID = msgIdOf(el, 'msgID');
    m.request = readRequest(el);
  } else if (isResponse) {
    m.reqMsgID = msgIdOf(el, 'reqMsgID');
  }
  m.adviceReqMsgID = optMsgId(el, 'adviceReqMsgID');
  if (/advice(Req|Resp)$/i.test(typeName) || /Advice(Req|Resp)$/.test(schemaType)) {
    if (!m.adviceReqMsgID) fail(`missing required element adviceReqMsgID in ${localName(el)}`);
  }
  if (isRequest) return m;

  const status = child(el, 'clientStatus');
  m.clientStatus = status ? { availCredit: optMoney(status, 'availCredit', opts, 'clientStatus') } : null;
  m.utility = organisation(child(el, 'utility'));
  m.vendor = organisation(child(el, 'vendor'));
  m.customers = readCustomers(el, opts);
  const detail = child(el, 'custVendDetail');
  m.customer = detail ? customer(detail) : m.customers[0]?.customer ?? null;

  const ctx = { trial: /^trialCreditVendResp$/i.test(schemaType) || /^trialCreditVendResp$/i.test(typeName) };
  requireReceipt(el, schemaType);
  const receipt = receiptOf(el);
  const tokens: Token[] = [];
  if (receipt) {
    const r = readReceipt(receipt, opts, ctx);
    m.receiptNo = r.receiptNo;
    m.transactions = r.transactions;
    m.lessRound = r.lessRound;
    m.tenderAmt = r.tenderAmt;
    m.change = r.change;
    m.meterDetail = r.meterDetail;
    tokens.push(...r.tokens);
  }
  // Engineering and key responses carry their token issue directly (clearCredit, pwrLmtToken,
  // updateMeterKey...).
  for (const issue of childElements(el).filter(isTokenIssue)) {
    tokens.push(...tokensOf(issue, ctx));
    m.meterDetail ??= meterDetail(child(issue, 'meterDetail'));
  }
  m.meterDetail ??= m.customers[0]?.meterDetail ?? meterDetail(child(el, 'meterDetail'));
  m.tokens = entryOrder(tokens);

  m.reprints = children(el, 'reprint').map((r) => readMessage(r, xsiType(r) ?? 'reprint', soap, opts));
  if (m.reprints.length) {
    m.tokens = m.reprints.flatMap((r) => r.tokens);
    m.transactions = m.reprints.flatMap((r) => r.transactions);
    m.receiptNo = m.reprints.find((r) => r.receiptNo !== null)?.receiptNo ?? null;
  }
  const last = child(el, 'lastResponse');
  if (last) {
    const original = readMessage(last, xsiType(last) ?? 'lastResponse', soap, opts);
    m.lastResponse = original;
    m.tokens = original.tokens;
    m.transactions = original.transactions;
    m.receiptNo = original.receiptNo;
    m.fault = original.fault;
  }
  return m;
}

function msgIdOf(el: Element, name: string): ParsedMessage['reqMsgID'] {
  const c = child(el, name);
  return c ? msgId(c) : fail(`missing required element ${name} in ${localName(el)}`);
}

function soapOf(doc: Document): Soap {
  const root = doc.documentElement!;
  if (localName(root) !== 'Envelope') return null;
  if (root.namespaceURI === NS.soap11) return '1.1';
  if (root.namespaceURI === NS.soap12) return '1.2';
  return fail(`not an XMLVend message: an Envelope in namespace ${root.namespaceURI ?? '(none)'} is not SOAP 1.1 or 1.2`);
}

// Hexing answers its loginReq with a bare <user> (LoginUser), outside the Req/Resp naming.
const OTHER_MESSAGES = new Set(['user']);

/**
 * Reads one XMLVend message. `opts.currency` is the server's configured currency, for amounts
 * whose symbol is not an ISO 4217 code (other than South Africa's "R").
 */
export function readXmlVend(xmlText: string, opts: ReadOptions = {}): ParsedMessage {
  if (opts.currency !== undefined && !isIsoCurrency(opts.currency)) fail(`the server's currency "${opts.currency}" is not an ISO 4217 code`);
  let doc: Document;
  let el: Element;
  try {
    doc = parseXml(xmlText);
    el = messageElement(doc);
  } catch (e) {
    if (e instanceof XmlReadError) throw new XmlVendReadError(e.message);
    throw e;
  }
  const soap = soapOf(doc);
  const name = localName(el);
  const ns = el.namespaceURI;
  if (name === 'Fault' && (ns === NS.soap11 || ns === NS.soap12)) return faultMessage(el, soap, readSoapFault(el), 'Fault');
  if (!isXmlVendNamespace(ns)) fail(`not an XMLVend message: <${name}> is in namespace ${ns}`);
  if (!/(Req|Resp)$/.test(name) && !OTHER_MESSAGES.has(name) && !isXmlVendFaultResp(el)) fail(`unknown body element <${name}>: not an XMLVend request or response`);
  return readMessage(el, name, soap, opts);
}
