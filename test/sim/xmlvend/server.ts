// The XMLVend 2.1 simulator: a SOAP server on 127.0.0.1 answering like a Hexing or a Conlog vending
// server (style option), vending REAL STS tokens, keeping every answer by msgID, with the same
// fault injection as the other simulators (kit/faults.ts, /__sim/faults). No request signing:
// XMLVend authenticates in the body (clientID EAN, authCred opName/password).
import type http from 'node:http';
import type { LoggedRequest } from '../kit/http-sim';
import type { Faults } from '../kit/faults';
import { startLocalServer } from '../kit/local-server';
import { SimStsMeter, type EnteredToken, type TokenEntry } from '../sts-meter';
import { createSimClock, type SimClock } from '../world/clock';
import { XMLVEND_DEMO_ACCOUNTS } from './demo';
import { envelope, soapFault, type SoapOut } from './envelope';
import { Ledger, type XmlVendLedgerView } from './ledger';
import type { Answer, FaultAnswer, KeyData } from './model';
import { faultAnswer, perform, respHeader, type ServerState } from './operations';
import { applyChange, DEFAULT_METERS, resolveConfig, type XmlVendAccount, type XmlVendPricingChange, type XmlVendSimOptions, type XmlVendStyle } from './options';
import { readRequest, RequestError, type MsgId, type ParsedRequest, type SoapVersion } from './request';
import { ServerMeter, type ServerKey } from './server-meter';
import { conlogWriter } from './write-conlog';
import { hexingWriter } from './write-hexing';
import type { StyleWriter } from './writer';

export interface XmlVendLoggedRequest extends LoggedRequest {
  /** The message's element (creditVendReq...), null when the body was not a readable request. */
  message: string | null;
  msgId: MsgId | null;
}

/** What the server holds about a meter beyond its key data; a test sets these to stage a vend. */
export interface XmlVendMeterFlags {
  /** The server has new key data for the meter: the next credit vend carries the key-change pair. */
  keyChangePending: boolean;
  debtMinor: number;
  fbeEligible: boolean;
  /** The key data the server vends under now. */
  key: KeyData;
}

/** The meters on the wall: they hold the key they were given, and take tokens typed on them. */
export interface XmlVendMeterAccess {
  numbers(): string[];
  enterToken(msno: string, token: string): TokenEntry;
  balanceTenths(msno: string): number;
  creditedTokens(msno: string): readonly EnteredToken[];
  /** The key type, KRN and TI the meter itself holds (changes when a key-change pair is entered). */
  keyData(msno: string): { keyType: number; krn: number; ti: string };
}

export interface XmlVendSim {
  readonly url: string;
  readonly port: number;
  readonly style: XmlVendStyle;
  readonly currency: string;
  /** ISO 4217 exponent of the currency: amounts on the wire have this many decimals. */
  readonly exponent: number;
  readonly clock: SimClock;
  setFaults(f: Faults): Promise<void>;
  faults(): Faults;
  /**
   * Performs the next request with this message (e.g. 'creditVendReq'), then cuts the socket: the
   * client cannot know the outcome. For a sale, whose trial vend comes first and must be answered.
   */
  dropResponseOf(message: string): void;
  requestLog(): readonly XmlVendLoggedRequest[];
  close(): Promise<void>;
  readonly ledger: XmlVendLedgerView;
  readonly meters: XmlVendMeterAccess;
  flags(msno: string): XmlVendMeterFlags;
  /** keyChange: the key data to move the meter to (null cancels a pending change). */
  setFlags(msno: string, f: { keyChange?: Partial<ServerKey> | null; debtMinor?: number; fbeEligible?: boolean }): void;
  account(accNo: string): XmlVendAccount | undefined;
  vendorCreditMinor(): number;
  /** Changes pricing, FBE, the advice window or the reprint count from the next request on. */
  configure(change: XmlVendPricingChange): void;
}

export async function startXmlVendSim(opts: XmlVendSimOptions = {}): Promise<XmlVendSim> {
  const clock = opts.clock ?? createSimClock(opts.now);
  const records = opts.meters ?? DEFAULT_METERS;
  const cfg = resolveConfig(opts);
  const state: ServerState = {
    cfg,
    meters: new Map(records.map((m) => [m.number, new ServerMeter(m)])),
    accounts: new Map((opts.accounts ?? XMLVEND_DEMO_ACCOUNTS).map((a) => [a.accNo, { ...a }])),
    ledger: new Ledger(),
    vendorCreditMinor: opts.vendorCreditMinor ?? 1_000_000 * 10 ** cfg.exponent,
    nextReceipt: 1001,
  };
  const physical = new Map(records.map((m) => [m.number, new SimStsMeter(m)]));
  const writerFor = (c: typeof cfg): StyleWriter => (c.style === 'hexing' ? hexingWriter(c) : conlogWriter(c));
  let writer = writerFor(cfg);
  const log: XmlVendLoggedRequest[] = [];
  const dropFor = new Set<string>();

  const local = await startLocalServer({
    port: opts.port,
    handle,
    onCrash: (res) => send(res, soapFault(state.cfg.style, '1.1', 'server', 'Internal error')),
  });
  const faults = local.faults;

  async function handle(req: http.IncomingMessage, res: http.ServerResponse, raw: Buffer | null): Promise<void> {
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    const contentType = String(req.headers['content-type'] ?? '');
    let parsed: ParsedRequest | RequestError;
    try {
      parsed = readRequest(raw === null ? '' : raw.toString('utf8'), contentType);
    } catch (e) {
      if (!(e instanceof RequestError)) throw e;
      parsed = e;
    }
    const request = parsed instanceof RequestError ? null : parsed;
    const soap: SoapVersion = request?.soap ?? (parsed as RequestError).soap;
    // Marked before any delay, so advice arriving meanwhile learns the outcome is not known yet.
    const tracked = request && request.operation.op !== 'lastRespAdvice' ? request.header.msgId : null;
    if (tracked) state.ledger.begin(tracked);
    try {
      const latency = faults.get().latencyMs ?? 0;
      if (latency > 0) await new Promise((r) => setTimeout(r, latency));
      if (faults.get().offline) return void req.socket.destroy();
      const shot = faults.takeOneShots();
      const entry: XmlVendLoggedRequest = { method, path, outcome: 0, message: request?.name ?? null, msgId: request?.header.msgId ?? null };
      log.push(entry);
      const answer = (out: SoapOut) => {
        entry.outcome = out.status;
        send(res, out);
      };

      if (shot.failNext) return answer(unavailable(soap, shot.failNext.status));
      if (faults.drawError()) return answer(unavailable(soap, 503));
      if (method !== 'POST') return answer(soapFault(state.cfg.style, soap, 'client', writer.readFailure(`${method} is not a SOAP request: POST an envelope`), undefined, 405));
      if (raw === null) return answer(soapFault(state.cfg.style, soap, 'client', writer.readFailure('the request body is too large'), undefined, 413));
      if (!request) return answer(unreadable(parsed as RequestError));

      state.ledger.arrived(request.header.msgId);
      const outcome = perform(state, request, clock.now());
      const out = render(soap, outcome.answer);
      if (shot.dropResponseNext || dropFor.delete(request.name)) {
        entry.outcome = 'dropped';
        return void req.socket.destroy();
      }
      // Performed, then an answer cut short: the client cannot read what happened.
      if (shot.malformedNext) return answer({ ...out, status: 200, body: out.body.slice(0, Math.floor(out.body.length / 2)) });
      answer(out);
      if (outcome.replayed) entry.outcome = 'replayed';
    } finally {
      if (tracked) state.ledger.end(tracked);
    }
  }

  function render(soap: SoapVersion, a: Answer): SoapOut {
    if (a.type !== 'fault') return envelope(state.cfg.style, soap, (x, body) => writer.answer(x, body, a));
    return soapFault(state.cfg.style, soap, a.fault === 'XMLVendSchemaEx' ? 'client' : 'server', writer.faultReason(a), (x, d) => writer.faultDetail(x, d, a));
  }

  /** A request with a hole in it is XMLVendSchemaEx; one that is not SOAP at all, a plain SOAP Client fault. */
  function unreadable(e: RequestError): SoapOut {
    if (e.kind === 'envelope') return soapFault(state.cfg.style, e.soap, 'client', writer.readFailure(e.message));
    const header = e.header ? respHeader(e.header, clock.now()) : null;
    return render(e.soap, faultAnswer(header, 'XMLVendSchemaEx', `The request does not conform to the XMLVend schema: ${e.message}`));
  }

  /** failNext / errorRate: the server answers a SystemEx without performing anything. */
  function unavailable(soap: SoapVersion, status: number): SoapOut {
    const a: FaultAnswer = faultAnswer(null, 'SystemEx', 'The service is temporarily unavailable');
    return soapFault(state.cfg.style, soap, 'server', writer.faultReason(a), (x, d) => writer.faultDetail(x, d, a), status);
  }

  const serverMeter = (msno: string): ServerMeter => {
    const m = state.meters.get(msno);
    if (!m) throw new Error(`No XMLVend meter ${msno}`);
    return m;
  };
  const meterOnWall = (msno: string): SimStsMeter => {
    const m = physical.get(msno);
    if (!m) throw new Error(`No simulated STS meter ${msno}`);
    return m;
  };

  return {
    url: local.url,
    port: local.port,
    style: state.cfg.style,
    currency: state.cfg.currency,
    exponent: state.cfg.exponent,
    clock,
    setFaults: (f) => local.setFaults(f),
    faults: () => faults.get(),
    dropResponseOf: (message) => { dropFor.add(message); },
    requestLog: () => log,
    close: () => local.close(),
    ledger: state.ledger.view(),
    meters: {
      numbers: () => [...physical.keys()],
      enterToken: (msno, token) => meterOnWall(msno).enterToken(token, clock.now()),
      balanceTenths: (msno) => meterOnWall(msno).balanceTenths,
      creditedTokens: (msno) => meterOnWall(msno).creditedTokens(),
      keyData: (msno) => meterOnWall(msno).keyData,
    },
    flags(msno) {
      const m = serverMeter(msno);
      return { keyChangePending: m.pendingKey !== null, debtMinor: m.debtMinor, fbeEligible: m.fbeEligible, key: m.keyData };
    },
    setFlags(msno, f) {
      const m = serverMeter(msno);
      if (f.keyChange === null) m.pendingKey = null;
      else if (f.keyChange) m.flagKeyChange(f.keyChange);
      if (f.debtMinor !== undefined) {
        if (!Number.isSafeInteger(f.debtMinor) || f.debtMinor < 0) throw new Error('debtMinor must be a whole number of minor units, 0 or more');
        m.debtMinor = f.debtMinor;
      }
      if (f.fbeEligible !== undefined) m.fbeEligible = f.fbeEligible;
    },
    account: (accNo) => {
      const a = state.accounts.get(accNo);
      return a ? { ...a } : undefined;
    },
    vendorCreditMinor: () => state.vendorCreditMinor,
    configure(change) {
      state.cfg = applyChange(state.cfg, change);
      writer = writerFor(state.cfg);
    },
  };
}

function send(res: http.ServerResponse, out: SoapOut): void {
  res.writeHead(out.status, { 'content-type': out.contentType, 'content-length': Buffer.byteLength(out.body) });
  res.end(out.body);
}
