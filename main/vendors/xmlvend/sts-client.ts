// The STS vendor over XMLVend 2.1: the server a utility already runs (Hexing, Conlog, Itron...)
// prices the sale (trial credit vend), vends it (credit vend, under the one msgID a sale maps to),
// and settles an unknown outcome by last-response advice about that msgID — never by vending
// again. What the sale flow needs is the StsVendorClient the JSON protocol also gives; the meter
// management of Shahn's own protocol (relay commands, modes, readings) is not part of XMLVend and
// is refused in both languages.
import type { WriteDb } from '../../../db/open';
import type { ServerLine, VendorReceipt } from '../../../preload/contract';
import { ok, refused, unknown, type VendorOutcome } from '../outcome';
import type { ServerPrice, StsCharge, StsChargeLookup, StsVendorClient } from '../sts/client';
import type { ParsedMessage, Quantity } from './model';
import { allocateMsgId, sentMessage, type XmlVendMessageKind } from './msg-id';
import type { XmlVendSettings } from './settings';
import { createXmlVendTransport, type XmlVendTransportOptions } from './transport';
import { buildCreditVendReq, buildLastRespAdviceReq, buildTrialCreditVendReq } from './write';
import { xmlVendUtilityOps, type XmlVendUtilityOps } from './utility-ops';

export interface XmlVendClientDeps {
  /** Where msgIDs are kept (migration 0019): a sale maps to one creditVend msgID for good. */
  db: WriteDb;
  now: () => Date;
  /** The counter's time zone: msgID dateTimes are local time. */
  timeZone: () => string;
  /** The currency the counter sells in: a server answering in another is refused before any money is taken. */
  counterCurrency: () => string;
}

/** "No last response for that msgID": the server never processed it. */
const NOT_FOUND = new Set(['LastResponseEx']);

const NOT_OFFERED = {
  en: 'An XMLVend server does not offer this: it vends tokens. Manage the meter at the utility\'s own system.',
  ar: 'خادم XMLVend لا يقدّم هذه الخدمة: إنه يبيع الرموز فقط. أدِر العداد من نظام شركة الكهرباء.',
};
const notOffered = async (): Promise<VendorOutcome<never>> => refused('NOT_OFFERED', NOT_OFFERED);

/** 0.1 kWh from a decimal kWh string ("64.7" -> 647); finer digits are cut, a token carries tenths. */
export function tenthsOf(q: Quantity | undefined): number | null {
  if (!q) return null;
  const m = /^(\d+)(?:\.(\d*))?$/.exec(q.value.trim());
  if (!m) return null;
  return Number(m[1]) * 10 + Number((m[2] ?? '').padEnd(1, '0')[0]);
}

const isCredit = (type: string) => type === 'CreditVendTx';

/** Why an answer's money cannot be taken as this counter's, or null when it can. */
function currencyProblem(p: ParsedMessage, currency: string): string | null {
  const wrong = p.transactions.find((t) => t.currency !== currency);
  return wrong ? `the server answered in ${wrong.currency}, this counter sells in ${currency}` : null;
}

const lineOf = (t: ParsedMessage['transactions'][number]): ServerLine => ({ type: t.type, desc: t.accDesc?.slice(0, 128) ?? null, minor: t.minor });
const tariffOf = (p: ParsedMessage) => p.transactions.find((t) => t.tariff)?.tariff?.slice(0, 128) ?? null;
const creditMinor = (p: ParsedMessage) => p.transactions.filter((t) => isCredit(t.type)).reduce((a, t) => a + t.minor, 0);

/** The server's whole receipt as the sale keeps it, or the reason it cannot be one. */
export function receiptOf(p: ParsedMessage, currency: string): VendorReceipt | string {
  const problem = currencyProblem(p, currency);
  if (problem) return problem;
  if (p.tokens.length === 0) return 'the answer carries no token';
  if (p.tokens.length > 8) return 'the answer carries more tokens than a receipt can hold';
  return {
    protocol: 'xmlvend',
    receiptNo: (p.receiptNo ?? '').trim() || '-',
    tokens: p.tokens.map((t) => ({ kind: t.kind, digits: t.digits, energyTenths: t.kind === 'kct1' || t.kind === 'kct2' ? null : tenthsOf(t.units) })),
    lines: p.transactions.map(lineOf),
    tariffName: tariffOf(p),
  };
}

/** A credit vend's answer as the sale's charge: its credit token, the key-change pair, the whole receipt. */
export function chargeOf(p: ParsedMessage, meterNumber: string, currency: string): StsCharge | string {
  const receipt = receiptOf(p, currency);
  if (typeof receipt === 'string') return receipt;
  const credit = p.tokens.find((t) => t.kind === 'credit');
  if (!credit) return 'the answer carries no credit token';
  const kct1 = p.tokens.find((t) => t.kind === 'kct1');
  const kct2 = p.tokens.find((t) => t.kind === 'kct2');
  if ((kct1 === undefined) !== (kct2 === undefined)) return 'the answer carries one key-change token without the other';
  return {
    meterNumber: p.meterDetail?.msno ?? meterNumber,
    token: credit.digits,
    tid: null,
    energyTenths: tenthsOf(credit.units) ?? 0,
    amountMinor: creditMinor(p),
    vendorRef: receipt.receiptNo,
    ...(kct1 && kct2 ? { keyChangeTokens: [kct1.digits, kct2.digits] as [string, string] } : {}),
    vendorReceipt: receipt,
  };
}

/** A trial vend's answer as the server's price: the energy, its money, and every other transaction. */
export function priceOf(p: ParsedMessage, currency: string): ServerPrice | string {
  // A trial answer may carry no token at all (Conlog sends an empty cipher): only its money matters.
  const problem = currencyProblem(p, currency);
  if (problem) return problem;
  const credit = p.tokens.find((t) => t.kind === 'credit');
  return {
    energyTenths: tenthsOf(credit?.units) ?? 0,
    valueMinor: creditMinor(p),
    lines: p.transactions.filter((t) => !isCredit(t.type)).map(lineOf),
    tariffName: tariffOf(p),
  };
}

export type XmlVendStsClient = StsVendorClient & Required<Pick<StsVendorClient, 'price'>> & { xmlvend: XmlVendUtilityOps };

export function createXmlVendStsClient(s: XmlVendSettings, deps: XmlVendClientDeps, opts: XmlVendTransportOptions = {}): XmlVendStsClient {
  const transport = createXmlVendTransport(s, opts);
  const msgId = (kind: XmlVendMessageKind, key: string | null) =>
    allocateMsgId(deps.db, { clientId: s.clientId, kind, key, timeZone: deps.timeZone(), now: deps.now() }).msgId;
  const malformed = (why: string) => unknown(`malformed response: ${why}`);
  const utility = xmlVendUtilityOps(s, transport, deps);

  return {
    xmlvend: utility,

    async price({ meterNumber, amountMinor }) {
      const body = buildTrialCreditVendReq(s, msgId('trialCreditVend', null), { meterNumber, amountMinor, payType: { kind: 'cash', tenderedMinor: amountMinor } });
      const o = await transport.send({ body, operation: 'trialCreditVend', retry: 'unsent' });
      if (o.kind !== 'ok') return o;
      if (s.currency !== deps.counterCurrency()) {
        return refused('CURRENCY_MISMATCH', {
          en: `The vending server sells in ${s.currency}; this counter sells in ${deps.counterCurrency()}. Nothing was sold.`,
          ar: `يبيع خادم البيع بعملة ${s.currency} وهذا المركز يبيع بعملة ${deps.counterCurrency()}. لم يتم البيع.`,
        });
      }
      const p = priceOf(o.value, deps.counterCurrency());
      return typeof p === 'string' ? malformed(p) : ok(p);
    },

    async chargeMeter({ meterNumber, amountMinor, purchaseMinor, paymentMethod, idempotencyKey, notAfterMs }) {
      // The sale's one msgID, committed before anything is sent: a retry, a restart or a crash
      // asks about this message, never vends under a new one.
      const id = msgId('creditVend', idempotencyKey);
      const paid = purchaseMinor ?? amountMinor;
      // Cash is sent as cash; a card or a transfer as the schema's "other" payment: the card itself
      // was taken on the bank's terminal, and the schema's card type would want its number and CVV.
      const payType = paymentMethod === undefined || paymentMethod === 'cash' ? { kind: 'cash' as const, tenderedMinor: paid } : { kind: 'other' as const };
      const body = buildCreditVendReq(s, id, { meterNumber, amountMinor: paid, payType });
      const o = await transport.send({ body, operation: 'creditVend', key: idempotencyKey, retry: 'unsent', notAfterMs });
      if (o.kind !== 'ok') return o;
      const c = chargeOf(o.value, meterNumber, deps.counterCurrency());
      return typeof c === 'string' ? malformed(c) : ok(c);
    },

    async verifyCharge({ idempotencyKey }): Promise<VendorOutcome<StsChargeLookup>> {
      const sent = sentMessage(deps.db, 'creditVend', idempotencyKey);
      if (!sent) return ok({ found: false }); // no msgID was ever given: nothing can have been sent
      const body = buildLastRespAdviceReq(s, msgId('advice', null), { adviceReqMsgId: sent.msgId });
      const o = await transport.send({ body, operation: 'advice', retry: 'unsent' });
      if (o.kind === 'refused' && NOT_FOUND.has(o.code)) {
        // Past the time the server keeps answers, "none" proves nothing: a person must settle it.
        if (deps.now().getTime() - new Date(sent.createdAt).getTime() > s.adviceWindowMs) {
          return unknown('the server no longer keeps answers this old: settle this sale with the utility');
        }
        return ok({ found: false });
      }
      if (o.kind === 'refused') return unknown(`advice refused: ${o.code}`);
      if (o.kind !== 'ok') return o;
      const last = o.value.lastResponse;
      if (!last) return malformed('an advice answer without the last response');
      if (last.fault) return ok({ found: false }); // the vend itself was refused: nothing was vended
      const meterNumber = last.meterDetail?.msno ?? last.request?.msno ?? '';
      const c = chargeOf(last, meterNumber, deps.counterCurrency());
      return typeof c === 'string' ? malformed(c) : ok({ found: true, ...c });
    },

    async testConnection() {
      // An advice about a message the server never saw: any XMLVend answer, even "no such
      // message", proves the address, the client ID and the operator are right.
      const id = msgId('advice', null);
      const o = await transport.send({ body: buildLastRespAdviceReq(s, id, { adviceReqMsgId: id }), operation: 'advice', retry: 'unsent' });
      if (o.kind === 'ok') return ok({ serverTime: o.value.respDateTime ?? deps.now().toISOString() });
      if (o.kind === 'refused' && !/Auth|SSL/i.test(o.code)) return ok({ serverTime: deps.now().toISOString() });
      return o;
    },

    rechargeBalance: notOffered,
    verifyRecharge: notOffered,
    getPrepaidBalance: notOffered,
    getMeterBalance: notOffered,
    reduceAmperage: notOffered,
    increaseAmperage: notOffered,
    // The supervisor's maintenance codes are the server's engineering tokens. Its answer carries
    // the token only: the counter reads the TID with the supply group's key (meters/maintenance.ts).
    reportsTids: false,
    async generateMaintenanceCode({ meterNumber, idempotencyKey, purpose, action, powerLimitW, validMinutes }) {
      const o = await utility.engineeringToken({ idempotencyKey, meterNumber, action, ...(powerLimitW === undefined ? {} : { powerLimitW }) });
      if (o.kind !== 'ok') return o;
      return ok({ purpose, action, code: o.value.token, tid: null, expiresAt: new Date(deps.now().getTime() + validMinutes * 60_000).toISOString() });
    },
    setPrepaidMode: notOffered,
    setPostpaidMode: notOffered,
    setCreditLimit: notOffered,
    getPaymentMode: notOffered,
    getCreditInfo: notOffered,
    disconnectMeter: notOffered,
    reconnectMeter: notOffered,
    turnOnMeter: notOffered,
    turnOffMeter: notOffered,
    checkCommandStatus: notOffered,
    getMeterStatus: notOffered,
    getMeterReading: notOffered,
    getMeterReadings: notOffered,
    setMultiTariffSchedule: notOffered,
    getMultiTariffSchedule: notOffered,
  };
}
