// Reading XML leniently: a namespace-aware DOM (@xmldom/xmldom), then elements found by local name.
// Real servers put the same element under different prefixes, with or without a SOAP envelope
// (1.1 or 1.2), and add their own elements; what we look for is the local name in an XMLVend
// namespace. Every failure is an XmlReadError with a sentence saying what is wrong.
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { NS } from './ns';

export class XmlReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlReadError';
  }
}

const ELEMENT_NODE = 1;

/** Parses a whole document; malformed XML (or none) is an XmlReadError, never a partial tree. */
export function parseXml(text: string): Document {
  if (text.trim() === '') throw new XmlReadError('empty input: no XML');
  let problem: string | null = null;
  let doc: Document;
  try {
    doc = new DOMParser({
      onError: (level, msg) => {
        if (level !== 'warning' && problem === null) problem = String(msg).split('\n')[0]!;
      },
    }).parseFromString(text, 'text/xml');
  } catch (e) {
    // xmldom throws on fatal errors after reporting them; the first report says it best.
    throw new XmlReadError(`malformed XML: ${problem ?? (e instanceof Error ? e.message : String(e)).split('\n')[0]}`);
  }
  if (problem !== null) throw new XmlReadError(`malformed XML: ${problem}`);
  if (!doc.documentElement) throw new XmlReadError('malformed XML: no root element');
  return doc;
}

export function childElements(el: Element): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === ELEMENT_NODE) out.push(n as Element);
  return out;
}

export function localName(el: Element): string {
  return el.localName ?? el.nodeName.replace(/^.*:/, '');
}

/** The first child element with this local name, in any namespace. */
export function child(el: Element, name: string): Element | null {
  return childElements(el).find((c) => localName(c) === name) ?? null;
}

/** Every child element with this local name, in document order. */
export function children(el: Element, name: string): Element[] {
  return childElements(el).filter((c) => localName(c) === name);
}

/** Every descendant element with this local name, in document order. */
export function descendants(el: Element, name: string): Element[] {
  const out: Element[] = [];
  const walk = (e: Element) => {
    for (const c of childElements(e)) {
      if (localName(c) === name) out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}

/** An attribute without a namespace (XMLVend's own attributes have none); null when absent. */
export function attr(el: Element, name: string): string | null {
  return el.hasAttribute(name) ? el.getAttribute(name) : null;
}

/** The element's text, trimmed (captured .NET answers break lines inside values). */
export function text(el: Element | null): string | null {
  if (!el) return null;
  return (el.textContent ?? '').trim();
}

/** The local part of xsi:type ("ns3:CreditVendTx" -> "CreditVendTx"), or null. */
export function xsiType(el: Element): string | null {
  const t = el.getAttributeNS(NS.xsi, 'type') || el.getAttribute('xsi:type');
  return t ? t.replace(/^.*:/, '') : null;
}

/** True for xsi:nil="true". */
export function isNil(el: Element): boolean {
  const v = el.getAttributeNS(NS.xsi, 'nil') || el.getAttribute('xsi:nil');
  return v === 'true' || v === '1';
}

/**
 * The message inside: the first element of a SOAP 1.1 or 1.2 Body, or the root itself when the
 * message came without an envelope. A Fault is returned as is (the caller reads it).
 */
export function messageElement(doc: Document): Element {
  const root = doc.documentElement!;
  if (localName(root) !== 'Envelope') return root;
  const body = child(root, 'Body');
  if (!body) throw new XmlReadError('SOAP envelope without a Body');
  const first = childElements(body)[0];
  if (!first) throw new XmlReadError('SOAP Body is empty');
  return first;
}
