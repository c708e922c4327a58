// Writing answers as a DOM (@xmldom/xmldom), never by pasting strings: names carry their namespace,
// values are escaped by the serializer, and it declares each namespace where the element needs it.
import { DOMImplementation, XMLSerializer, type Document, type Element } from '@xmldom/xmldom';
import { NS } from '../../../main/vendors/xmlvend/ns';

const XMLNS = 'http://www.w3.org/2000/xmlns/';
const XML = 'http://www.w3.org/XML/1998/namespace';

export type AttrValue = string | number | boolean | null | undefined;

export class Xml {
  readonly doc: Document;

  constructor(ns: string, qname: string) {
    this.doc = new DOMImplementation().createDocument(ns, qname, null);
  }

  get root(): Element {
    return this.doc.documentElement!;
  }

  /**
   * Appends `qname` (prefixed or not) in namespace `ns` (null: none) to `parent`, with attributes in
   * the order given (null and undefined are left out) and, when given, text content.
   */
  el(parent: Element, ns: string | null, qname: string, attrs: Record<string, AttrValue> = {}, textContent?: string): Element {
    const e = this.doc.createElementNS(ns, qname);
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined) continue;
      if (k === 'xsi:type' || k === 'xsi:nil') e.setAttributeNS(NS.xsi, k, String(v));
      else if (k === 'xml:lang') e.setAttributeNS(XML, k, String(v));
      else e.setAttribute(k, String(v));
    }
    if (textContent !== undefined) e.appendChild(this.doc.createTextNode(textContent));
    parent.appendChild(e);
    return e;
  }

  /** Declares `prefix` on `el` (for QName values such as xsi:type="q1:SaleCredTokenIssue"). */
  declare(el: Element, prefix: string, ns: string): Element {
    el.setAttributeNS(XMLNS, `xmlns:${prefix}`, ns);
    return el;
  }

  toString(): string {
    return `<?xml version="1.0" encoding="utf-8"?>${new XMLSerializer().serializeToString(this.doc)}`;
  }
}
