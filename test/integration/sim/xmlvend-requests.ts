// Hand-written XMLVend requests for the simulator's tests: the captured requests of the samples
// (Hexing: soapenv + ns2 revenue + default base namespace, ../shared/xmlvend/samples/*Req.1.xml;
// Conlog/SoapUI: sch/sch1 prefixes, *Req.2.xml) with the simulator's credentials, and a raw POST.
import http from 'node:http';
import type { Document, Element } from '@xmldom/xmldom';
import { NS } from '../../../main/vendors/xmlvend/ns';
import { child, children, descendants, messageElement, parseXml, text, xsiType } from '../../../main/vendors/xmlvend/xml';
import { XMLVEND_DEMO_CREDENTIALS } from '../../sim/xmlvend/demo';
import type { XmlVendCredentials } from '../../sim/xmlvend/options';

export interface MsgId {
  dateTime: string;
  uniqueNumber: string;
}

let seq = 0;
/** A fresh msgID: yyyymmddHHMMSS and a number that never repeats in this run. */
export function newMsgId(): MsgId {
  const d = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  return { dateTime: d, uniqueNumber: String(++seq + 1000) };
}

type Dialect = 'hexing' | 'conlog';

interface Common {
  msgId: MsgId;
  creds?: XmlVendCredentials;
  dialect?: Dialect;
}

/** The BaseReq header in either dialect. */
function header(c: Common): string {
  const k = c.creds ?? XMLVEND_DEMO_CREDENTIALS;
  const b = c.dialect === 'conlog' ? ` xmlns="${NS.base}"` : '';
  return `<clientID${b} xmlns:xsi="${NS.xsi}" xsi:type="EANDeviceID" ean="${k.clientEan}"/>
      ${c.dialect === 'conlog' ? `<terminalID${b} xmlns:xsi="${NS.xsi}" xsi:type="EANDeviceID" ean="0000000000003"/>` : `<terminalID xmlns:xsi="${NS.xsi}" xsi:type="GenericDeviceID" id="COUNTER-01"/>`}
      <msgID${b} dateTime="${c.msgId.dateTime}" uniqueNumber="${c.msgId.uniqueNumber}"/>
      <authCred${b}><opName>${k.opName}</opName><password>${k.password}</password></authCred>`;
}

/** A revenue-namespace request element around `inner`, in the dialect's envelope. */
function revenueReq(c: Common, name: string, inner: string): string {
  if (c.dialect === 'conlog') {
    return `<soapenv:Envelope xmlns:soapenv="${NS.soap11}" xmlns:sch="${NS.revenue}" xmlns:sch1="${NS.base}">
  <soapenv:Header/>
  <soapenv:Body>
    <sch:${name} xmlns:xsi="${NS.xsi}">
      ${header(c)}
      ${inner}
    </sch:${name}>
  </soapenv:Body>
</soapenv:Envelope>`;
  }
  return `<soapenv:Envelope xmlns:soapenv="${NS.soap11}">
  <soapenv:Body>
    <ns2:${name} xmlns="${NS.base}" xmlns:ns2="${NS.revenue}" xmlns:ns3="${NS.meter}" xmlns:xsi="${NS.xsi}">
      ${header(c)}
      ${inner}
    </ns2:${name}>
  </soapenv:Body>
</soapenv:Envelope>`;
}

const meterId = (c: Common, msno: string) =>
  c.dialect === 'conlog'
    ? `<idMethod xmlns="${NS.base}" xsi:type="VendIDMethod"><meterIdentifier xsi:type="MeterNumber" msno="${msno}"/></idMethod>`
    : `<idMethod xsi:type="VendIDMethod"><meterIdentifier xsi:type="MeterNumber" msno="${msno}"/></idMethod>`;

const purchase = (c: Common, value: string, symbol: string) =>
  c.dialect === 'conlog'
    ? `<purchaseValue xmlns="${NS.revenue}" xsi:type="PurchaseValueCurrency"><amt value="${value}" symbol="${symbol}"/></purchaseValue>`
    : `<ns2:purchaseValue xsi:type="ns2:PurchaseValueCurrency"><ns2:amt value="${value}" symbol="${symbol}"/></ns2:purchaseValue>`;

export function confirmCustomerReq(c: Common & { msno: string }): string {
  return revenueReq(c, 'confirmCustomerReq', meterId(c, c.msno));
}

export function creditVendReq(c: Common & { msno: string; value: string; symbol: string; trial?: boolean; tender?: string }): string {
  const pay = c.tender === undefined ? '' : `<payType xmlns="${NS.revenue}" xmlns:q1="${NS.base}" xsi:type="q1:Cash"><q1:tenderAmt value="${c.tender}" symbol="${c.symbol}"/></payType>`;
  const resource = `<resource${c.dialect === 'conlog' ? ` xmlns="${NS.base}"` : ''} xsi:type="Electricity"/>`;
  return revenueReq(c, c.trial ? 'trialCreditVendReq' : 'creditVendReq', `${resource}${meterId(c, c.msno)}${purchase(c, c.value, c.symbol)}${pay}`);
}

export function reprintReq(c: Common & { msno: string }): string {
  return revenueReq(c, 'reprintReq', meterId(c, c.msno));
}

export function payAccReq(c: Common & { accNo: string; value: string; symbol: string; type?: string }): string {
  const r = c.dialect === 'conlog' ? ` xmlns="${NS.revenue}"` : '';
  const p = c.dialect === 'conlog' ? '' : 'ns2:';
  return revenueReq(
    c,
    'payAccReq',
    `<${p}reqAmt${r} value="${c.value}" symbol="${c.symbol}"/>
     <${p}payAccount${r} xsi:type="${c.type ?? 'DebtRecovery'}"><${p}idMethod xmlns:q2="${NS.base}" xsi:type="q2:CustIDMethod"><q2:custIdentifier xsi:type="q2:CustAccountNo" accNo="${c.accNo}"/></${p}idMethod></${p}payAccount>`,
  );
}

/** As LastRespAdviceReq.1: everything in the base namespace under ns1. */
export function lastRespAdviceReq(c: Common & { advice: MsgId }): string {
  const k = c.creds ?? XMLVEND_DEMO_CREDENTIALS;
  return `<soapenv:Envelope xmlns:soapenv="${NS.soap11}">
  <soapenv:Body>
    <ns1:adviceReq xmlns:ns1="${NS.base}" xmlns:xsi="${NS.xsi}" xsi:type="ns1:LastRespAdviceReq">
      <ns1:clientID xsi:type="ns1:EANDeviceID" ean="${k.clientEan}"/>
      ${c.dialect === 'conlog' ? '<ns1:terminalID xsi:type="ns1:EANDeviceID" ean="0000000000003"/>' : '<ns1:terminalID xsi:type="ns1:GenericDeviceID" id="COUNTER-01"/>'}
      <ns1:msgID dateTime="${c.msgId.dateTime}" uniqueNumber="${c.msgId.uniqueNumber}"/>
      <ns1:authCred><ns1:opName>${k.opName}</ns1:opName><ns1:password>${k.password}</ns1:password></ns1:authCred>
      <ns1:adviceReqMsgID dateTime="${c.advice.dateTime}" uniqueNumber="${c.advice.uniqueNumber}"/>
    </ns1:adviceReq>
  </soapenv:Body>
</soapenv:Envelope>`;
}

/** meterSpecificEngReq (meter namespace) with xsi:type ClearCreditReq / ClearTamperReq / PwrLmtReq. */
export function engineeringReq(c: Common & { msno: string; kind: 'ClearCreditReq' | 'ClearTamperReq' | 'PwrLmtReq'; pwrLmt?: { value: string; siUnit: string } }): string {
  const k = c.creds ?? XMLVEND_DEMO_CREDENTIALS;
  const limit = c.pwrLmt ? `<ns3:pwrLmt value="${c.pwrLmt.value}" siUnit="${c.pwrLmt.siUnit}"/>` : '';
  return `<soapenv:Envelope xmlns:soapenv="${NS.soap11}">
  <soapenv:Body>
    <ns3:meterSpecificEngReq xmlns="${NS.base}" xmlns:ns3="${NS.meter}" xmlns:xsi="${NS.xsi}" xsi:type="ns3:${c.kind}">
      <clientID xsi:type="EANDeviceID" ean="${k.clientEan}"/>
      <terminalID xsi:type="GenericDeviceID" id="COUNTER-01"/>
      <msgID dateTime="${c.msgId.dateTime}" uniqueNumber="${c.msgId.uniqueNumber}"/>
      <authCred><opName>${k.opName}</opName><password>${k.password}</password></authCred>
      <resource xsi:type="Electricity"/>
      <idMethod xsi:type="VendIDMethod"><meterIdentifier xsi:type="MeterNumber" msno="${c.msno}"/></idMethod>
      ${limit}
    </ns3:meterSpecificEngReq>
  </soapenv:Body>
</soapenv:Envelope>`;
}

/** The same request in a SOAP 1.2 envelope. */
export const soap12 = (envelope: string): string => envelope.split(NS.soap11).join(NS.soap12);

export interface Answer {
  status: number;
  contentType: string;
  body: string;
  doc: Document;
  /** The Body's element, or a Fault's xmlvendFaultResp. */
  message: Element;
  /** The XMLVend exception type of a fault answer, else null. */
  fault: string | null;
}

export type Sent = { ok: true; answer: Answer } | { ok: false; error: string; status?: number; body?: string };

/** One POST on its own connection (a simulator going offline cuts its sockets). */
export function post(url: string, body: string, o: { soap12?: boolean; soapAction?: boolean } = {}): Promise<Sent> {
  const headers: Record<string, string> = { 'content-type': o.soap12 ? 'application/soap+xml; charset=utf-8' : 'text/xml; charset=utf-8' };
  if (o.soapAction) headers.soapaction = '""';
  return new Promise((resolve) => {
    const req = http.request(`${url}/xmlvend`, { method: 'POST', agent: false, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', (e) => resolve({ ok: false, error: e.message }));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        try {
          const doc = parseXml(text);
          resolve({ ok: true, answer: { status: res.statusCode ?? 0, contentType: String(res.headers['content-type']), body: text, doc, ...unwrap(doc) } });
        } catch (e) {
          resolve({ ok: false, error: e instanceof Error ? e.message : String(e), status: res.statusCode, body: text });
        }
      });
    });
    req.on('error', (e) => resolve({ ok: false, error: e.message }));
    req.end(body);
  });
}

function unwrap(doc: Document): { message: Element; fault: string | null } {
  const m = messageElement(doc);
  if (m.localName !== 'Fault') return { message: m, fault: null };
  const detail = child(m, 'detail') ?? child(m, 'Detail');
  const resp = detail ? child(detail, 'xmlvendFaultResp') : null;
  const f = resp ? child(resp, 'fault') : null;
  return { message: resp ?? m, fault: f ? xsiType(f) : null };
}

/** Posts and insists on a readable answer. */
export async function call(url: string, body: string, o?: { soap12?: boolean }): Promise<Answer> {
  const s = await post(url, body, o);
  if (!s.ok) throw new Error(`no readable answer: ${s.error}`);
  return s.answer;
}

/** The text of a fault answer's desc. */
export const faultDesc = (a: Answer): string | null => {
  const f = child(a.message, 'fault');
  return f ? text(child(f, 'desc')) : null;
};

export interface FoundToken {
  kind: 'credit' | 'kct1' | 'kct2' | 'fbe' | 'engineering';
  digits: string;
  /** units@value of a credit token issue, in 0.1 kWh. */
  tenths: number | null;
}

const tenthsOf = (issue: Element): number | null => {
  const u = child(issue, 'units')?.getAttribute('value');
  return u ? Math.round(Number(u) * 10) : null;
};

/**
 * Every token of a vend answer in the order it must be typed: the key-change pair first (Hexing
 * carries it as kcTokenIssue inside the credit transaction, Conlog as CreditVendTx carriers whose
 * desc is "KeyChange Token1/2"), then the others in document order.
 */
export function tokensIn(message: Element): FoundToken[] {
  const kct: FoundToken[] = [];
  const rest: FoundToken[] = [];
  for (const tx of descendants(message, 'tx')) {
    const issue = child(tx, 'creditTokenIssue');
    if (issue) {
      const digits = text(descendants(issue, 'stsCipher')[0] ?? null) ?? '';
      const desc = text(child(issue, 'desc')) ?? '';
      const m = /^KeyChange Token([12])$/.exec(desc);
      if (m) kct.push({ kind: m[1] === '1' ? 'kct1' : 'kct2', digits, tenths: null });
      else rest.push({ kind: xsiType(issue) === 'FBECredTokenIssue' ? 'fbe' : 'credit', digits, tenths: tenthsOf(issue) });
    }
    const kc = child(tx, 'kcTokenIssue');
    if (kc) {
      const token = child(kc, 'token')!;
      kct.push({ kind: 'kct1', digits: text(child(child(token, 'set1stMeterKey')!, 'stsCipher')) ?? '', tenths: null });
      kct.push({ kind: 'kct2', digits: text(child(child(token, 'set2ndMeterKey')!, 'stsCipher')) ?? '', tenths: null });
    }
  }
  return [...kct, ...rest];
}

export interface FoundTx {
  type: string;
  minor: number;
}

/** "12.345" with exponent 3 -> 12345, by digits (never through floating point). */
export function minorOf(value: string, exponent: number): number {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!m) throw new Error(`not an amount: ${value}`);
  const frac = (m[3] ?? '').padEnd(exponent, '0');
  if (frac.length > exponent && /[1-9]/.test(frac.slice(exponent))) throw new Error(`${value} is finer than ${exponent} decimals`);
  return (m[1] ? -1 : 1) * Number(m[2]! + frac.slice(0, exponent));
}

/** 12345 with exponent 3 -> "12.345", by digits. */
export function decimal(minor: number, exponent: number): string {
  const d = String(minor).padStart(exponent + 1, '0');
  return exponent === 0 ? d : `${d.slice(0, -exponent)}.${d.slice(-exponent)}`;
}

/** The amount of every transaction, and of the tax inside one (Hexing), as "<type>" / "<type>.tax". */
export function amountsIn(message: Element, exponent: number): FoundTx[] {
  const out: FoundTx[] = [];
  for (const tx of descendants(message, 'tx')) {
    const type = xsiType(tx) ?? 'tx';
    const amt = child(tx, 'amt');
    if (amt) out.push({ type, minor: minorOf(amt.getAttribute('value') ?? '', exponent) });
    for (const tax of children(tx, 'tax')) out.push({ type: `${type}.tax`, minor: minorOf(child(tax, 'amt')?.getAttribute('value') ?? '', exponent) });
  }
  return out;
}
