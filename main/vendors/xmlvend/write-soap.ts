// The SOAP envelope and the elements of a request, built as a namespace-aware DOM (@xmldom/xmldom)
// and serialised by its XMLSerializer: every name is placed in its namespace by the DOM, and every
// value (attribute or text) is escaped by the serializer, never by string concatenation.
import { DOMImplementation, XMLSerializer, type Document, type Element } from '@xmldom/xmldom';
import { NS } from './ns';

const XMLNS = 'http://www.w3.org/2000/xmlns/';

export type XmlVendNs = 'base' | 'revenue' | 'meter';
export type SoapVersion = '1.1' | '1.2';

/**
 * The prefix each XMLVend namespace is written with. Readers go by namespace URI, so the letters
 * are ours; xsi:type values are QNames and use the same prefixes, declared on the message element
 * itself so that the message stays whole if a server lifts it out of the envelope.
 */
const PREFIX: Record<XmlVendNs, string> = { base: 'b', revenue: 'r', meter: 'm' };

/** A namespace-qualified XMLVend type name, as xsi:type carries it. */
export interface XsiType { ns: XmlVendNs; name: string }

export interface ElementSpec {
  attrs?: Record<string, string>;
  type?: XsiType;
}

/** The HTTP Content-Type of a request in this SOAP version. */
export function soapContentType(version: SoapVersion): string {
  return version === '1.2' ? 'application/soap+xml; charset=utf-8' : 'text/xml; charset=utf-8';
}

export class SoapMessage {
  private readonly doc: Document;
  /** The XMLVend request element, the only child of the SOAP Body. */
  readonly message: Element;

  constructor(version: SoapVersion, ns: XmlVendNs, name: string, spec: ElementSpec = {}) {
    const soapNs = version === '1.2' ? NS.soap12 : NS.soap11;
    this.doc = new DOMImplementation().createDocument(soapNs, 'soap:Envelope', null);
    const envelope = this.doc.documentElement!;
    envelope.setAttributeNS(XMLNS, 'xmlns:soap', soapNs);
    const body = this.doc.createElementNS(soapNs, 'soap:Body');
    envelope.appendChild(body);
    this.message = this.doc.createElementNS(NS[ns], `${PREFIX[ns]}:${name}`);
    for (const k of ['base', 'revenue', 'meter'] as const) this.message.setAttributeNS(XMLNS, `xmlns:${PREFIX[k]}`, NS[k]);
    this.message.setAttributeNS(XMLNS, 'xmlns:xsi', NS.xsi);
    body.appendChild(this.message);
    this.decorate(this.message, spec);
  }

  /** Appends an element in `ns` to `parent`, with its attributes (no namespace) and xsi:type. */
  add(parent: Element, ns: XmlVendNs, name: string, spec: ElementSpec = {}): Element {
    const el = this.doc.createElementNS(NS[ns], `${PREFIX[ns]}:${name}`);
    this.decorate(el, spec);
    parent.appendChild(el);
    return el;
  }

  /** Appends an element holding only text. */
  addText(parent: Element, ns: XmlVendNs, name: string, value: string): Element {
    const el = this.add(parent, ns, name);
    el.appendChild(this.doc.createTextNode(value));
    return el;
  }

  toString(): string {
    return `<?xml version="1.0" encoding="UTF-8"?>${new XMLSerializer().serializeToString(this.doc)}`;
  }

  private decorate(el: Element, spec: ElementSpec): void {
    if (spec.type) el.setAttributeNS(NS.xsi, 'xsi:type', `${PREFIX[spec.type.ns]}:${spec.type.name}`);
    for (const [k, v] of Object.entries(spec.attrs ?? {})) el.setAttribute(k, v);
  }
}
