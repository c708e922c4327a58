// Faults: an XMLVend exception (xmlvendFaultResp/fault, xsi:type SystemEx, BlockedMeterEx...)
// inside a SOAP 1.1 or 1.2 Fault's detail or on its own, or a bare SOAP fault from the server's
// stack (.NET's "Server was unable to read request" with its stack trace).
import type { Element } from '@xmldom/xmldom';
import type { Fault, MsgId } from './model';
import { childText, optMsgId } from './read-parts';
import { child, childElements, localName, text, xsiType } from './xml';

/** The first non-empty line: what the server said, without the stack trace that follows. */
function firstLine(s: string | null): string {
  return (s ?? '').split(/\r?\n/).map((l) => l.trim()).find((l) => l !== '') ?? '';
}

export function isXmlVendFaultResp(el: Element): boolean {
  return localName(el).toLowerCase() === 'xmlvendfaultresp' || (xsiType(el) ?? '').toLowerCase() === 'xmlvendfaultresp';
}

/** An XMLVend fault response: the exception's type, desc and faultCode, and the reqMsgID when sent. */
export function readFaultResp(el: Element, fallbackDescription = ''): { fault: Fault; reqMsgID: MsgId | null } {
  const f = child(el, 'fault');
  const code = f ? childText(f, 'faultCode') : null;
  return {
    fault: {
      type: (f && xsiType(f)) || 'Fault',
      description: firstLine(f ? childText(f, 'desc') : null) || fallbackDescription,
      ...(code !== null ? { code } : {}),
    },
    reqMsgID: optMsgId(el, 'reqMsgID'),
  };
}

/** A SOAP 1.1 (faultcode/faultstring/detail) or 1.2 (Code/Value, Reason/Text, Detail) Fault. */
export function readSoapFault(el: Element): { fault: Fault; reqMsgID: MsgId | null } {
  const code12 = child(el, 'Code');
  const code = childText(el, 'faultcode') ?? (code12 ? childText(code12, 'Value') : null);
  const reason12 = child(el, 'Reason');
  const reason = firstLine(text(child(el, 'faultstring')) ?? (reason12 ? text(child(reason12, 'Text')) : null));
  const detail = child(el, 'detail') ?? child(el, 'Detail');
  const inner = detail ? faultHolder(detail) : null;
  if (inner) return readFaultResp(inner, reason);
  return {
    fault: { type: 'soapfault', description: reason || (code ? `SOAP fault ${code}` : 'SOAP fault without a reason'), ...(code !== null ? { code } : {}) },
    reqMsgID: null,
  };
}

/**
 * The XMLVend fault response inside a SOAP detail: an xmlvendFaultResp at any depth, or any
 * element (the detail itself included) holding a fault with a desc, whatever the server named it.
 */
function faultHolder(detail: Element): Element | null {
  const holds = (e: Element) => isXmlVendFaultResp(e) || Boolean(child(e, 'fault') && child(child(e, 'fault')!, 'desc'));
  if (holds(detail)) return detail;
  for (const c of childElements(detail)) {
    const found = faultHolder(c);
    if (found) return found;
  }
  return null;
}
