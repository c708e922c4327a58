// Reading a request the way a real XMLVend server does: the SOAP version from the envelope, the
// message by local name (the client's prefixes are its own business), the header every request
// carries, and each message's fields. What is missing or unreadable is a RequestError naming it,
// which the server answers as XMLVendSchemaEx.
import type { Element } from '@xmldom/xmldom';
import { NS } from '../../../main/vendors/xmlvend/ns';
import { attr, child, descendants, localName, messageElement, parseXml, text, xsiType, XmlReadError } from '../../../main/vendors/xmlvend/xml';

export type SoapVersion = '1.1' | '1.2';

export interface MsgId {
  dateTime: string;
  uniqueNumber: string;
}

/** A client, server or terminal id as the request wrote it (EANDeviceID@ean or GenericDeviceID@id). */
export interface DeviceId {
  type: 'EANDeviceID' | 'GenericDeviceID';
  value: string;
}

export interface RequestHeader {
  clientId: DeviceId | null;
  terminalId: DeviceId;
  msgId: MsgId;
  opName: string | null;
  password: string | null;
}

export type Operation =
  | { op: 'confirmCustomer'; msno: string | null; accNo: string | null }
  | { op: 'trialCreditVend' | 'creditVend'; msno: string; amount: Amount | null; units: boolean; tender: Amount | null; payType: string | null }
  | { op: 'lastRespAdvice'; adviceMsgId: MsgId }
  | { op: 'reprint'; msno: string }
  | { op: 'payAcc'; amount: Amount; tender: Amount | null; accountType: string; accNo: string | null; msno: string | null }
  | { op: 'engineering'; kind: 'ClearCreditReq' | 'ClearTamperReq' | 'PwrLmtReq'; msno: string; pwrLmt: Amount | null }
  | { op: 'unsupported'; name: string };

/** Currency@value/@symbol or PwrLmt@value/@siUnit, as text: the server decides what it means. */
export interface Amount {
  value: string;
  unit: string;
}

export interface ParsedRequest {
  soap: SoapVersion;
  /** The message element's local name (creditVendReq, adviceReq, meterSpecificEngReq...). */
  name: string;
  header: RequestHeader;
  operation: Operation;
}

export class RequestError extends Error {
  constructor(
    message: string,
    /** 'envelope': not a SOAP request at all (a SOAP Client fault); 'schema': an XMLVend message with a hole in it. */
    readonly kind: 'envelope' | 'schema',
    readonly soap: SoapVersion,
    /** Known when the header was readable, so the fault can echo it. */
    readonly header: RequestHeader | null = null,
  ) {
    super(message);
  }
}

/** The version the client speaks: from the envelope when there is one, else from the content type. */
export function soapVersionOf(root: Element | null, contentType: string): SoapVersion {
  if (root?.namespaceURI === NS.soap12) return '1.2';
  if (root?.namespaceURI === NS.soap11) return '1.1';
  return /application\/soap\+xml/i.test(contentType) ? '1.2' : '1.1';
}

export function readRequest(body: string, contentType: string): ParsedRequest {
  let root: Element;
  let message: Element;
  try {
    const doc = parseXml(body);
    root = doc.documentElement!;
    message = messageElement(doc);
  } catch (e) {
    throw new RequestError(e instanceof XmlReadError ? e.message : String(e), 'envelope', soapVersionOf(null, contentType));
  }
  const soap = soapVersionOf(root, contentType);
  if (localName(root) !== 'Envelope' || (root.namespaceURI !== NS.soap11 && root.namespaceURI !== NS.soap12)) {
    throw new RequestError('the request is not a SOAP envelope', 'envelope', soap);
  }
  const name = localName(message);
  const header = readHeader(message, soap);
  try {
    return { soap, name, header, operation: readOperation(message, name) };
  } catch (e) {
    if (e instanceof RequestError) throw new RequestError(e.message, 'schema', soap, header);
    throw e;
  }
}

function readHeader(m: Element, soap: SoapVersion): RequestHeader {
  const terminal = child(m, 'terminalID');
  const msg = child(m, 'msgID');
  const clientId = deviceId(child(m, 'clientID'));
  const terminalId = deviceId(terminal);
  if (!msg || !terminalId) throw new RequestError(`${msg ? 'terminalID' : 'msgID'} is missing`, 'schema', soap);
  const msgId = readMsgId(msg);
  if (!msgId) throw new RequestError('msgID needs dateTime and uniqueNumber in digits', 'schema', soap);
  const auth = child(m, 'authCred');
  return {
    clientId,
    terminalId,
    msgId,
    opName: auth ? text(child(auth, 'opName')) : null,
    password: auth ? text(child(auth, 'password')) : null,
  };
}

function deviceId(el: Element | null): DeviceId | null {
  if (!el) return null;
  const ean = attr(el, 'ean');
  if (ean !== null) return { type: 'EANDeviceID', value: ean.trim() };
  const id = attr(el, 'id');
  return id === null ? null : { type: 'GenericDeviceID', value: id.trim() };
}

export function readMsgId(el: Element): MsgId | null {
  const dateTime = attr(el, 'dateTime')?.trim() ?? '';
  const uniqueNumber = attr(el, 'uniqueNumber')?.trim() ?? '';
  return /^\d{1,20}$/.test(dateTime) && /^\d{1,20}$/.test(uniqueNumber) ? { dateTime, uniqueNumber } : null;
}

function need<T>(v: T | null | undefined, what: string): T {
  if (v === null || v === undefined || v === '') throw new RequestError(`${what} is missing`, 'schema', '1.1');
  return v;
}

/** The meter number under idMethod (MeterNumber, MeterCard and MeterDetail all carry @msno). */
function meterNumber(m: Element): string | null {
  const id = child(m, 'idMethod');
  const meter = id ? descendants(id, 'meterIdentifier')[0] : undefined;
  return meter ? (attr(meter, 'msno')?.trim() ?? null) : null;
}

function accountNumber(m: Element): string | null {
  const id = child(m, 'idMethod');
  const cust = id ? descendants(id, 'custIdentifier')[0] : undefined;
  return cust ? (attr(cust, 'accNo')?.trim() ?? null) : null;
}

function amount(el: Element | null | undefined, unitAttr = 'symbol'): Amount | null {
  if (!el) return null;
  const value = attr(el, 'value');
  return value === null ? null : { value: value.trim(), unit: (attr(el, unitAttr) ?? '').trim() };
}

/** Cash@tenderAmt, Card@cardAmt, Cheque@cheqAmt: what the customer handed over. */
function tender(m: Element): Amount | null {
  const pay = child(m, 'payType');
  if (!pay) return null;
  return amount(child(pay, 'tenderAmt') ?? child(pay, 'cardAmt') ?? child(pay, 'cheqAmt'));
}

/** The payType's xsi:type (Cash, Card, Cheque, Unknown…) as sent, so a test can see what the client declared. */
function payTypeOf(m: Element): string | null {
  const pay = child(m, 'payType');
  return pay ? xsiType(pay) : null;
}

// .NET logs name the root after the type (CreditVendReq); on the wire it is the element (creditVendReq).
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

function readOperation(m: Element, rawName: string): Operation {
  const name = lowerFirst(rawName);
  const type = xsiType(m);
  switch (name) {
    case 'confirmCustomerReq':
      return { op: 'confirmCustomer', msno: meterNumber(m), accNo: accountNumber(m) };
    case 'trialCreditVendReq':
    case 'creditVendReq': {
      const pv = need(child(m, 'purchaseValue'), 'purchaseValue');
      const units = xsiType(pv) === 'PurchaseValueUnits';
      return {
        op: name === 'creditVendReq' ? 'creditVend' : 'trialCreditVend',
        msno: need(meterNumber(m), 'idMethod/meterIdentifier@msno'),
        amount: units ? null : need(amount(child(pv, 'amt')), 'purchaseValue/amt@value'),
        units,
        tender: tender(m),
        payType: payTypeOf(m),
      };
    }
    case 'adviceReq':
    case 'lastRespAdviceReq': {
      if (name === 'adviceReq' && type !== 'LastRespAdviceReq') return { op: 'unsupported', name: type ?? name };
      const id = child(m, 'adviceReqMsgID');
      return { op: 'lastRespAdvice', adviceMsgId: need(id ? readMsgId(id) : null, 'adviceReqMsgID') };
    }
    case 'reprintReq':
      return { op: 'reprint', msno: need(meterNumber(m), 'idMethod/meterIdentifier@msno') };
    case 'payAccReq': {
      const account = need(child(m, 'payAccount'), 'payAccount');
      return {
        op: 'payAcc',
        amount: need(amount(child(m, 'reqAmt')), 'reqAmt@value'),
        tender: tender(m),
        accountType: xsiType(account) ?? 'PayAccount',
        accNo: accountNumber(account),
        msno: meterNumber(account),
      };
    }
    case 'meterSpecificEngReq':
    case 'clearCreditReq':
    case 'clearTamperReq':
    case 'pwrLmtReq': {
      const kind = name === 'meterSpecificEngReq' ? type : rawName.charAt(0).toUpperCase() + rawName.slice(1);
      if (kind !== 'ClearCreditReq' && kind !== 'ClearTamperReq' && kind !== 'PwrLmtReq') return { op: 'unsupported', name: kind ?? name };
      return {
        op: 'engineering',
        kind,
        msno: need(meterNumber(m), 'idMethod/meterIdentifier@msno'),
        pwrLmt: kind === 'PwrLmtReq' ? need(amount(child(m, 'pwrLmt'), 'siUnit'), 'pwrLmt@value') : null,
      };
    }
    default:
      return { op: 'unsupported', name };
  }
}
