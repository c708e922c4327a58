// One XMLVend exchange: a SOAP request posted to the server through the exchange every vendor
// protocol shares (http-core.ts: deadline, watched connection, attempt ledger), and the answer read
// leniently (read.ts) into one of the three outcomes. A well-formed XMLVend exception is the
// server's definite "no" (refused, its exception type as the code); anything that leaves doubt is
// unknown, to be resolved by a last-response advice, never by vending again.
import type { Attempt } from '../http-classify';
import { exchange, type AttemptRecorder } from '../http-core';
import { MALFORMED_RESPONSE, ok, refused, unknown, type VendorOutcome } from '../outcome';
import type { Fault, ParsedMessage } from './model';
import { readXmlVend } from './read';
import type { XmlVendSettings } from './settings';
import { soapContentType } from './write';

/**
 * Exceptions after which the server may still have acted: a repeated msgID (the first may have
 * been vended), an advice the server cannot answer for sure, a SOAP fault with no XMLVend exception
 * (a framework or a proxy answered, not the vending logic).
 */
const DOUBTFUL = new Set(['DuplicateMsgIDEx', 'IndeterminantLastResponseEx', 'soapfault']);

export interface XmlVendTransportOptions {
  attempts?: AttemptRecorder;
  /** Extra attempts of a request that never reached the server (default 2). */
  retryAttempts?: number;
  retryBaseDelayMs?: number;
  userAgent?: string;
}

export interface XmlVendCall {
  body: string;
  /** What it is, for the attempt ledger and logs (creditVend, advice...). */
  operation: string;
  /** The sale (or other change) it is about: its attempts go in the ledger under this key. */
  key?: string;
  /**
   * Always 'unsent' over XMLVend: every message has its own msgID, and a server takes a msgID once
   * (Conlog refuses it again as DuplicateMsgIDEx), so only an attempt that never reached the
   * server is repeated; after one that may have, a vend is settled by advice, a lookup asked anew.
   */
  retry: 'unsent';
  notAfterMs?: number;
}

export interface XmlVendTransport {
  send(call: XmlVendCall): Promise<VendorOutcome<ParsedMessage>>;
}

function faultMessage(f: Fault) {
  const what = f.description || f.type;
  return { en: `${what} (${f.type}${f.code ? ` ${f.code}` : ''})`, ar: `${what} (${f.type}${f.code ? ` ${f.code}` : ''})` };
}

/** One HTTP answer (any status: SOAP 1.1 faults come with 500) as an attempt of the exchange. */
export function classifySoap(status: number, text: string, currency: string): Attempt<ParsedMessage> {
  let parsed: ParsedMessage | null = null;
  let problem = '';
  try {
    parsed = readXmlVend(text, { currency });
  } catch (e) {
    problem = e instanceof Error ? e.message : String(e);
  }
  if (parsed?.fault) {
    const f = parsed.fault;
    if (DOUBTFUL.has(f.type)) return { outcome: unknown(`server fault ${f.type}: ${f.description}`), retryable: false, mayHaveArrived: true };
    return { outcome: refused(f.type, faultMessage(f)), retryable: false, mayHaveArrived: true };
  }
  if (parsed && status >= 200 && status < 300) return { outcome: ok(parsed), retryable: false, mayHaveArrived: true };
  if (status >= 500 || status === 408 || status === 429) return { outcome: unknown(`http ${status}`), retryable: true, mayHaveArrived: true };
  // The server answered something that is not an XMLVend message: it may well have acted.
  return { outcome: unknown(`${MALFORMED_RESPONSE}: ${status >= 300 ? `http ${status}` : problem}`), retryable: false, mayHaveArrived: true };
}

export function createXmlVendTransport(s: XmlVendSettings, opts: XmlVendTransportOptions = {}): XmlVendTransport {
  const core = { timeoutMs: s.timeoutMs, retryAttempts: opts.retryAttempts ?? 2, retryBaseDelayMs: opts.retryBaseDelayMs, attempts: opts.attempts };
  const contentType = soapContentType(s.soapVersion);
  return {
    send(call) {
      return exchange(core, {
        method: 'POST',
        url: s.url,
        body: call.body,
        headers: () => ({
          'content-type': contentType,
          accept: s.soapVersion === '1.2' ? 'application/soap+xml, text/xml' : 'text/xml',
          'user-agent': opts.userAgent ?? 'Shahn-POS',
          // SOAP 1.1 servers route by SOAPAction; XMLVend's WSDL gives every operation an empty one.
          ...(s.soapVersion === '1.1' ? { soapaction: '""' } : {}),
        }),
        key: call.key === undefined ? undefined : { value: call.key, operation: `xmlvend ${call.operation}` },
        retry: call.retry,
        notAfterMs: call.notAfterMs,
        classify: (status, text) => classifySoap(status, text, s.currency),
      });
    },
  };
}
