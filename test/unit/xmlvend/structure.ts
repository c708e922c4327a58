// The structure of an XMLVend message, values left out: the SOAP envelope's namespace (null for a
// body-only dump), and the message element with every element under it in document order, each as
// its depth, namespace URI, local name, the names of its own attributes (namespace declarations
// and xsi:* aside) and the local name of its xsi:type. Read with the app's own lenient reader.
import type { Element } from '@xmldom/xmldom';
import { NS } from '../../../main/vendors/xmlvend/ns';
import { childElements, localName, messageElement, parseXml, xsiType } from '../../../main/vendors/xmlvend/xml';

export interface StructNode {
  depth: number;
  ns: string | null;
  name: string;
  attrs: string[];
  type: string | null;
}

export interface Structure {
  envelope: string | null;
  nodes: StructNode[];
}

const XMLNS = 'http://www.w3.org/2000/xmlns/';

function attrNames(el: Element): string[] {
  const out: string[] = [];
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes.item(i)!;
    if (a.namespaceURI === XMLNS || a.name === 'xmlns' || a.name.startsWith('xmlns:')) continue;
    if (a.namespaceURI === NS.xsi) continue;
    out.push(a.localName ?? a.name);
  }
  return out.sort();
}

export function structure(xml: string): Structure {
  const doc = parseXml(xml);
  const root = doc.documentElement!;
  const envelope = localName(root) === 'Envelope' ? root.namespaceURI : null;
  const nodes: StructNode[] = [];
  const walk = (el: Element, depth: number) => {
    nodes.push({ depth, ns: el.namespaceURI || null, name: localName(el), attrs: attrNames(el), type: xsiType(el) });
    for (const c of childElements(el)) walk(c, depth + 1);
  };
  walk(messageElement(doc), 0);
  return { envelope, nodes };
}

/** The element at `path` (local names from the message element down), for reading values back. */
export function at(xml: string, ...path: string[]): Element {
  let el = messageElement(parseXml(xml));
  for (const name of path) {
    const next = childElements(el).find((c) => localName(c) === name);
    if (!next) throw new Error(`no ${name} under ${localName(el)}`);
    el = next;
  }
  return el;
}
