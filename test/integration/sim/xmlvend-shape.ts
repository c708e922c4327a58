// The structure of an XMLVend message, to compare the simulator's answers with the captured ones:
// every element as its path of {namespace}localName[xsi:type] steps with the attributes seen on
// it, and for each path the order its children come in. Values and prefixes are left out: those
// differ between any two real answers; names, namespaces and order do not.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from '@xmldom/xmldom';
import { childElements, localName, messageElement, parseXml, xsiType } from '../../../main/vendors/xmlvend/xml';

export const SAMPLES = join(__dirname, '..', '..', '..', '..', 'shared', 'xmlvend', 'samples');
export const sample = (name: string): string => readFileSync(join(SAMPLES, name), 'utf8');

export interface Shape {
  /** path -> attribute names seen on elements at that path (xmlns declarations left out). */
  attrs: Map<string, Set<string>>;
  /** path -> the distinct child steps, in the order they first appear. */
  order: Map<string, string[]>;
}

const step = (e: Element) => {
  const t = xsiType(e);
  return `{${e.namespaceURI ?? ''}}${localName(e)}${t ? `[${t}]` : ''}`;
};

/** The shape of the message element of a SOAP message (the Fault's xmlvendFaultResp for a fault). */
export function shapeOf(xml: string): Shape {
  let root = messageElement(parseXml(xml));
  if (localName(root) === 'Fault') {
    // An XMLVend exception rides in the detail; a fault without one is compared as the Fault itself.
    const detail = childElements(root).find((e) => /^detail$/i.test(localName(e)));
    root = (detail && childElements(detail)[0]) ?? root;
  }
  const shape: Shape = { attrs: new Map(), order: new Map() };
  const walk = (e: Element, path: string) => {
    const names = shape.attrs.get(path) ?? new Set<string>();
    for (let i = 0; i < e.attributes.length; i++) {
      const a = e.attributes.item(i)!;
      if (a.name !== 'xmlns' && !a.name.startsWith('xmlns:')) names.add(a.name.replace(/^.*:/, ''));
    }
    shape.attrs.set(path, names);
    const order = shape.order.get(path) ?? [];
    for (const c of childElements(e)) {
      const s = step(c);
      if (!order.includes(s)) order.push(s);
      walk(c, `${path}/${s}`);
    }
    shape.order.set(path, order);
  };
  walk(root, step(root));
  return shape;
}

/** Where `actual` differs from `expected`: paths missing or extra, attributes, child order. */
export function shapeDiff(expected: Shape, actual: Shape): string[] {
  const out: string[] = [];
  for (const p of expected.attrs.keys()) if (!actual.attrs.has(p)) out.push(`missing ${p}`);
  for (const [p, names] of actual.attrs) {
    const want = expected.attrs.get(p);
    if (!want) {
      out.push(`extra ${p}`);
      continue;
    }
    const a = [...names].sort().join(',');
    const w = [...want].sort().join(',');
    if (a !== w) out.push(`attributes of ${p}: [${a}], sample has [${w}]`);
    const ao = actual.order.get(p)!.join(' ');
    const wo = expected.order.get(p)!.join(' ');
    if (ao !== wo) out.push(`children of ${p}: ${ao} — sample: ${wo}`);
  }
  return out;
}
