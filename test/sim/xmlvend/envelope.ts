// The SOAP envelope around every answer, in the version the client spoke (1.1: text/xml, faults
// with faultcode/faultstring/detail; 1.2: application/soap+xml, Code/Reason/Detail) and the way
// each server writes it (Hexing: SOAP-ENV with an empty Header; Conlog: soap, xsi and xsd declared).
import type { Element } from '@xmldom/xmldom';
import { NS } from '../../../main/vendors/xmlvend/ns';
import { Xml } from './dom';
import type { XmlVendStyle } from './options';
import type { SoapVersion } from './request';

export interface SoapOut {
  status: number;
  contentType: string;
  body: string;
}

const envNs = (v: SoapVersion) => (v === '1.2' ? NS.soap12 : NS.soap11);
const contentType = (v: SoapVersion) => (v === '1.2' ? 'application/soap+xml; charset=utf-8' : 'text/xml; charset=utf-8');
const prefix = (style: XmlVendStyle) => (style === 'hexing' ? 'SOAP-ENV' : 'soap');

/** An envelope with its Body; `fill` writes the answer into the Body. */
export function envelope(style: XmlVendStyle, v: SoapVersion, fill: (x: Xml, body: Element) => void, status = 200): SoapOut {
  const p = prefix(style);
  const x = new Xml(envNs(v), `${p}:Envelope`);
  if (style === 'conlog') {
    x.declare(x.root, 'xsi', NS.xsi);
    x.declare(x.root, 'xsd', 'http://www.w3.org/2001/XMLSchema');
  } else {
    x.el(x.root, envNs(v), `${p}:Header`);
  }
  fill(x, x.el(x.root, envNs(v), `${p}:Body`));
  return { status, contentType: contentType(v), body: x.toString() };
}

/**
 * A SOAP Fault. 'server': the request was read and refused (an XMLVend exception in the detail);
 * 'client': it could not be read at all. SOAP 1.1 answers every fault 500; 1.2 a Sender fault 400.
 */
export function soapFault(style: XmlVendStyle, v: SoapVersion, who: 'client' | 'server', reason: string, detail?: (x: Xml, detail: Element) => void, status?: number): SoapOut {
  const ns = envNs(v);
  const p = prefix(style);
  const code = v === '1.2' ? (who === 'client' ? 'Sender' : 'Receiver') : who === 'client' ? 'Client' : 'Server';
  const httpStatus = status ?? (v === '1.2' && who === 'client' ? 400 : 500);
  return envelope(
    style,
    v,
    (x, body) => {
      const fault = x.el(body, ns, `${p}:Fault`);
      if (v === '1.1') {
        x.el(fault, null, 'faultcode', {}, `${p}:${code}`);
        x.el(fault, null, 'faultstring', { 'xml:lang': 'en' }, reason);
        if (detail || style === 'conlog') {
          const d = x.el(fault, null, 'detail');
          if (detail) detail(x, d);
        }
      } else {
        x.el(x.el(fault, ns, `${p}:Code`), ns, `${p}:Value`, {}, `${p}:${code}`);
        x.el(x.el(fault, ns, `${p}:Reason`), ns, `${p}:Text`, { 'xml:lang': 'en' }, reason);
        // .NET always writes the Detail, empty when there is nothing in it (FaultResp.2).
        if (detail || style === 'conlog') {
          const d = x.el(fault, ns, `${p}:Detail`);
          if (detail) detail(x, d);
        }
      }
    },
    httpStatus,
  );
}
