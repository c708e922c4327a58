// What the server does with a request it could read: authenticate the client and operator, refuse
// a msgID it has already processed, then perform the use case against its meters and accounts and
// say what it answered. Faults are answers too (XMLVendFaultResp), kept by msgID like the others.
import { isValidMeterNumber } from '../../../main/sts';
import { Ledger, type LedgerEntry } from './ledger';
import type { Answer, ConfirmAnswer, CustInfo, EngineeringAnswer, FaultAnswer, FaultType, PayAccAnswer, ReprintAnswer, RespHeader, StoredAnswer, VendAnswer } from './model';
import { parseMinor } from './money';
import type { XmlVendAccount, XmlVendConfig } from './options';
import { price } from './pricing';
import type { Amount, Operation, ParsedRequest, RequestHeader } from './request';
import { TRIAL_TOKEN } from './format';
import type { ServerMeter } from './server-meter';

export interface ServerState {
  cfg: XmlVendConfig;
  meters: Map<string, ServerMeter>;
  accounts: Map<string, XmlVendAccount>;
  ledger: Ledger;
  vendorCreditMinor: number;
  nextReceipt: number;
}

export interface Outcome {
  answer: Answer;
  /** A repeated msgID answered with what was stored for it, without performing anything. */
  replayed: boolean;
}

type Result<T> = { ok: true; value: T } | { ok: false; fault: FaultAnswer };

const DAY_MS = 86_400_000;

export function respHeader(h: RequestHeader, now: Date): RespHeader | null {
  return h.clientId ? { clientId: h.clientId, terminalId: h.terminalId, reqMsgId: h.msgId, respDateTime: now } : null;
}

export function faultAnswer(header: RespHeader | null, fault: FaultType, desc: string, faultCode: string | null = null): FaultAnswer {
  return { type: 'fault', header, fault, desc, faultCode };
}

export function perform(s: ServerState, req: ParsedRequest, now: Date): Outcome {
  const header = respHeader(req.header, now);
  const fault = (type: FaultType, desc: string, code: string | null = null): Outcome => ({ answer: faultAnswer(header, type, desc, code), replayed: false });
  const { cfg } = s;
  const op = req.operation;

  if (op.op === 'unsupported') {
    // The Hexing server answers its own fbeReq this way when FBE comes only with a purchase (FaultResp.1).
    if (op.name === 'fbeReq' && cfg.style === 'hexing') return fault('SystemEx', 'Separate free electricity purchase is closed', 'VD.17020012');
    return fault('UseCaseSupportEx', `The use case ${op.name} is not supported by this server`);
  }
  const client = req.header.clientId;
  if (!client || client.type !== 'EANDeviceID' || client.value !== cfg.credentials.clientEan) {
    return fault('ClientIDAuthorisationEx', `Client ID, ${client?.value ?? '(none)'}, is not authorised on this server`);
  }
  if (req.header.opName !== cfg.credentials.opName || req.header.password !== cfg.credentials.password) {
    return fault('RequestAuthorisationEx', `Operator ${req.header.opName ?? '(none)'} is not authorised: wrong operator name or password`);
  }
  if (!header) throw new Error('unreachable: an authorised request has a clientID');
  if (op.op === 'lastRespAdvice') return { answer: advice(s, header, op.adviceMsgId, now), replayed: false };

  const seen = s.ledger.get(req.header.msgId);
  if (seen) return duplicate(s, header, seen, now);
  const answer = run(s, header, op, now);
  s.ledger.store({ msgId: req.header.msgId, request: req.name, answer, at: now });
  return { answer, replayed: false };
}

/**
 * A msgID the server has already answered is never performed again. Hexing (whose schema has no
 * exception for it) answers what it answered the first time, while it still has it; Conlog refuses
 * with its DuplicateMsgIDEx, and the client asks for the first answer with lastRespAdviceReq.
 */
function duplicate(s: ServerState, header: RespHeader, seen: LedgerEntry, now: Date): Outcome {
  if (s.cfg.style === 'conlog') {
    return { answer: faultAnswer(header, 'DuplicateMsgIDEx', `Message ID ${header.reqMsgId.dateTime}/${header.reqMsgId.uniqueNumber} has already been processed`), replayed: false };
  }
  if (now.getTime() - seen.at.getTime() <= s.cfg.adviceWindowMs) return { answer: seen.answer, replayed: true };
  return { answer: faultAnswer(header, 'SystemEx', 'This message ID has already been processed'), replayed: false };
}

/**
 * lastRespAdviceReq: the answer stored for that msgID. A msgID the server never processed, or one
 * older than the advice window, is LastResponseEx ("no such transaction": it was not performed, or
 * the server no longer says). One still being processed is not known either way yet: Conlog's
 * IndeterminantLastResponseEx, Hexing's SystemEx — both mean "ask again".
 */
function advice(s: ServerState, header: RespHeader, id: RequestHeader['msgId'], now: Date): Answer {
  const seen = s.ledger.get(id);
  if (!seen && s.ledger.inProgress(id)) {
    return s.cfg.style === 'conlog'
      ? faultAnswer(header, 'IndeterminantLastResponseEx', 'The request is still being processed; ask again')
      : faultAnswer(header, 'SystemEx', 'The request is still being processed; ask again');
  }
  if (!seen || now.getTime() - seen.at.getTime() > s.cfg.adviceWindowMs) {
    return faultAnswer(header, 'LastResponseEx', `No transaction is associated with message ID ${id.dateTime}/${id.uniqueNumber}`);
  }
  return { type: 'lastRespAdvice', header, adviceMsgId: id, last: seen.answer };
}

function run(s: ServerState, header: RespHeader, op: Exclude<Operation, { op: 'unsupported' | 'lastRespAdvice' }>, now: Date): StoredAnswer {
  const r = ((): Result<StoredAnswer> => {
    switch (op.op) {
      case 'confirmCustomer':
        return confirm(s, header, op, now);
      case 'trialCreditVend':
      case 'creditVend':
        return vend(s, header, op, now);
      case 'reprint':
        return reprint(s, header, op.msno);
      case 'payAcc':
        return payAcc(s, header, op, now);
      case 'engineering':
        return engineering(s, header, op, now);
    }
  })();
  return r.ok ? r.value : r.fault;
}

function findMeter(s: ServerState, header: RespHeader, msno: string, unknown: FaultType = 'UnknownMeterEx'): Result<ServerMeter> {
  if (!/^\d{11}$|^\d{13}$/.test(msno) || !isValidMeterNumber(msno)) {
    return { ok: false, fault: faultAnswer(header, 'MSNOCheckDigitEx', `The check digit of meter number ${msno} can not be verified`) };
  }
  const m = s.meters.get(msno);
  if (!m) return { ok: false, fault: faultAnswer(header, unknown, unknown === 'ConfirmCustomerEx' ? `Customer not found for meter ${msno}` : `Meter ${msno} is not known to this server`) };
  return { ok: true, value: m };
}

function custOf(m: ServerMeter, now: Date): CustInfo {
  const r = m.record;
  return {
    name: r.customer.nameAr,
    address: r.address ?? '',
    contactNo: r.customer.phone,
    accNo: r.accNo ?? `ACC-${r.number}`,
    locRef: r.locRef ?? '',
    daysLastPurchase: m.lastPurchaseAt ? Math.floor((now.getTime() - m.lastPurchaseAt.getTime()) / DAY_MS) : null,
  };
}

const fbeMonth = (d: Date) => d.toISOString().slice(0, 7);
const fbeDue = (s: ServerState, m: ServerMeter, now: Date) => s.cfg.fbeTenths > 0 && m.fbeEligible && !m.fbeMonths.has(fbeMonth(now));

function confirm(s: ServerState, header: RespHeader, op: Extract<Operation, { op: 'confirmCustomer' }>, now: Date): Result<ConfirmAnswer> {
  let found: Result<ServerMeter>;
  if (op.msno !== null) found = findMeter(s, header, op.msno, 'ConfirmCustomerEx');
  else {
    const m = [...s.meters.values()].find((x) => x.record.accNo === op.accNo);
    found = m ? { ok: true, value: m } : { ok: false, fault: faultAnswer(header, 'ConfirmCustomerEx', `Customer not found for account ${op.accNo ?? '(none)'}`) };
  }
  if (!found.ok) return found;
  const m = found.value;
  return {
    ok: true,
    value: { type: 'confirmCustomer', header, cust: custOf(m, now), meter: m.info(), fbeDue: fbeDue(s, m, now), minVendMinor: s.cfg.minVendMinor, maxVendMinor: s.cfg.maxVendMinor },
  };
}

/**
 * An amount in the server's currency, as minor units; anything else is a fault naming it. The
 * Hexing server does not look at the symbol (CreditVendReq.1 sent "AZM" and was answered in rand):
 * it is the client that must check the currency of the answer. Conlog refuses another currency.
 */
function money(s: ServerState, header: RespHeader, a: Amount, what: string): Result<number> {
  const { cfg } = s;
  if (cfg.style === 'conlog' && a.unit !== cfg.symbol && a.unit !== cfg.currency) {
    return { ok: false, fault: faultAnswer(header, 'BusinessRuleEx', `${what} is in ${a.unit || '(no currency)'}; this server sells in ${cfg.currency}`) };
  }
  const minor = parseMinor(a.value, cfg.exponent);
  if (minor === null) {
    return { ok: false, fault: faultAnswer(header, 'XMLVendSchemaEx', `${what} "${a.value}" is not an amount in ${cfg.currency} (${cfg.exponent} decimals)`) };
  }
  return { ok: true, value: minor };
}

/** The purchase value and what was tendered for it (the purchase itself when the payType says nothing). */
function payment(s: ServerState, header: RespHeader, amount: Amount, tender: Amount | null, what: string): Result<{ minor: number; tender: number }> {
  const m = money(s, header, amount, what);
  if (!m.ok) return m;
  if (m.value <= 0) return { ok: false, fault: faultAnswer(header, 'BusinessRuleEx', `${what} must be above zero`) };
  if (!tender) return { ok: true, value: { minor: m.value, tender: m.value } };
  const t = money(s, header, tender, 'The tendered amount');
  if (!t.ok) return t;
  if (t.value < m.value) return { ok: false, fault: faultAnswer(header, 'BusinessRuleEx', 'The tendered amount is less than the amount to pay') };
  return { ok: true, value: { minor: m.value, tender: t.value } };
}

function receiptNo(s: ServerState, consume: boolean): string {
  const n = consume ? s.nextReceipt++ : s.nextReceipt;
  return s.cfg.style === 'hexing' ? String(n).padStart(15, '0') : String(n);
}

function vend(s: ServerState, header: RespHeader, op: Extract<Operation, { op: 'creditVend' | 'trialCreditVend' }>, now: Date): Result<VendAnswer> {
  const { cfg } = s;
  const found = findMeter(s, header, op.msno);
  if (!found.ok) return found;
  const m = found.value;
  if (op.units || !op.amount) return { ok: false, fault: faultAnswer(header, 'UseCaseSupportEx', 'Purchases in units are not supported; send a PurchaseValueCurrency') };
  const pay = payment(s, header, op.amount, op.tender, 'The purchase value');
  if (!pay.ok) return pay;
  const purchase = pay.value.minor;
  if (purchase < cfg.minVendMinor || purchase > cfg.maxVendMinor) {
    return { ok: false, fault: faultAnswer(header, 'BusinessRuleEx', `The purchase value must be between the minimum and maximum vend amounts of this meter`) };
  }
  const trial = op.op === 'trialCreditVend';
  if (!trial && s.vendorCreditMinor < purchase) return { ok: false, fault: faultAnswer(header, 'VendorCreditEx', 'Insufficient vendor credit to complete the purchase') };
  const priced = price(purchase, m.debtMinor, { exponent: cfg.exponent, pricePerKwh: cfg.pricePerKwh, serviceChargeMinor: cfg.serviceChargeMinor, debtRecoveryPercent: cfg.debtRecoveryPercent, vatRateBp: cfg.vatRateBp });
  if (!priced.ok) return { ok: false, fault: faultAnswer(header, 'BusinessRuleEx', priced.reason) };
  const p = priced.breakdown;
  const withFbe = fbeDue(s, m, now);
  const cust = custOf(m, now);

  // A trial vend is the quote: the same breakdown, tokens of zeros, nothing issued or recorded.
  let keyChange: VendAnswer['keyChange'] = null;
  let fbe: VendAnswer['fbe'] = null;
  let sale: VendAnswer['sale'];
  if (trial) {
    fbe = withFbe ? { digits: TRIAL_TOKEN, tenths: cfg.fbeTenths } : null;
    sale = { digits: TRIAL_TOKEN, tenths: p.tenths, netMinor: p.netMinor };
  } else {
    // The key change first: every token after it is made under the new key.
    if (m.pendingKey) keyChange = m.issueKeyChange();
    if (withFbe) fbe = m.issueCredit(cfg.fbeTenths, now);
    sale = { ...m.issueCredit(p.tenths, now), netMinor: p.netMinor };
  }
  const debtAfter = m.debtMinor - p.debtMinor;
  const answer: VendAnswer = {
    type: op.op,
    header,
    availCreditMinor: trial ? s.vendorCreditMinor : s.vendorCreditMinor - purchase,
    cust,
    meter: m.info(),
    receiptNo: trial && cfg.style === 'hexing' ? '0'.repeat(15) : receiptNo(s, !trial),
    keyChange,
    fbe,
    sale,
    vat: cfg.vatRateBp > 0 ? { rateBp: cfg.vatRateBp, amtMinor: p.taxMinor } : null,
    serviceCharge: p.serviceMinor > 0 ? { amtMinor: p.serviceMinor, accDesc: cfg.style === 'hexing' ? 'ServiceFee' : 'Service Charge' } : null,
    debt: p.debtMinor > 0 ? { amtMinor: p.debtMinor, accDesc: 'Arrears Debt Collection', balanceMinor: debtAfter } : null,
    purchaseMinor: purchase,
    tenderMinor: pay.value.tender,
    changeMinor: pay.value.tender - purchase,
    payType: op.payType,
  };
  if (!trial) {
    s.vendorCreditMinor -= purchase;
    m.debtMinor = debtAfter;
    if (fbe) m.fbeMonths.add(fbeMonth(now));
    m.lastPurchaseAt = now;
    m.vends.push(answer);
  }
  return { ok: true, value: answer };
}

function reprint(s: ServerState, header: RespHeader, msno: string): Result<ReprintAnswer> {
  const found = findMeter(s, header, msno);
  if (!found.ok) return found;
  const vends = found.value.vends.slice(-s.cfg.reprintCount).reverse();
  if (vends.length === 0) return { ok: false, fault: faultAnswer(header, 'ReprintEx', `No transactions found for reprint on meter ${msno}`) };
  return { ok: true, value: { type: 'reprint', header, vends } };
}

const PAY_TX: Record<string, { txType: PayAccAnswer['txType']; accDesc: string }> = {
  DebtRecovery: { txType: 'DebtRecoveryTx', accDesc: 'Arrears Debt Collection' },
  ServiceChrg: { txType: 'ServiceChrgTx', accDesc: 'Service Charge' },
};

/**
 * payAccReq: pays an account. A meter's account (by meter number or its accNo) pays its arrears;
 * a postpaid account pays its balance. Nothing owed is DebtEx; paying more than is owed leaves the
 * account in credit (a negative balance), as postpaid accounts are.
 */
function payAcc(s: ServerState, header: RespHeader, op: Extract<Operation, { op: 'payAcc' }>, now: Date): Result<PayAccAnswer> {
  let meter: ServerMeter | null;
  let account: XmlVendAccount | null = null;
  if (op.msno !== null) {
    const found = findMeter(s, header, op.msno);
    if (!found.ok) return found;
    meter = found.value;
  } else {
    meter = [...s.meters.values()].find((x) => x.record.accNo === op.accNo) ?? null;
    account = meter ? null : (s.accounts.get(op.accNo ?? '') ?? null);
    if (!meter && !account) return { ok: false, fault: faultAnswer(header, 'ConfirmCustomerEx', `Customer not found for account ${op.accNo ?? '(none)'}`) };
  }
  const pay = payment(s, header, op.amount, op.tender, 'The amount to pay');
  if (!pay.ok) return pay;
  const owed = meter ? meter.debtMinor : account!.balanceMinor;
  if (owed <= 0) return { ok: false, fault: faultAnswer(header, 'DebtEx', 'No outstanding debt for collection') };
  if (s.vendorCreditMinor < pay.value.minor) return { ok: false, fault: faultAnswer(header, 'VendorCreditEx', 'Insufficient vendor credit to complete the payment') };
  const balance = owed - pay.value.minor;
  if (meter) meter.debtMinor = balance;
  else account!.balanceMinor = balance;
  s.vendorCreditMinor -= pay.value.minor;
  const tx = PAY_TX[op.accountType] ?? { txType: 'PayAccTx' as const, accDesc: 'Account Payment' };
  const cust: CustInfo = meter ? custOf(meter, now) : { name: account!.name, address: account!.address, contactNo: '', accNo: account!.accNo, locRef: '', daysLastPurchase: null };
  return {
    ok: true,
    value: {
      type: 'payAcc',
      header,
      availCreditMinor: s.vendorCreditMinor,
      cust,
      meter: meter ? meter.info() : null,
      receiptNo: receiptNo(s, true),
      ...tx,
      accNo: cust.accNo,
      amtMinor: pay.value.minor,
      balanceMinor: balance,
    },
  };
}

/** PwrLmt@value in W or kW (the schema says kW), as whole watts. */
function watts(a: Amount): number | null {
  const kw = /^kw$/i.test(a.unit);
  if (!kw && !/^w$/i.test(a.unit)) return null;
  const m = /^(\d+)(?:\.(\d{1,3}))?$/.exec(a.value);
  if (!m) return null;
  if (!kw) return m[2] && /[1-9]/.test(m[2]) ? null : Number(m[1]);
  return Number(m[1]) * 1000 + Number((m[2] ?? '').padEnd(3, '0'));
}

function engineering(s: ServerState, header: RespHeader, op: Extract<Operation, { op: 'engineering' }>, now: Date): Result<EngineeringAnswer> {
  const found = findMeter(s, header, op.msno);
  if (!found.ok) return found;
  const m = found.value;
  let pwrLmt: EngineeringAnswer['pwrLmt'] = null;
  if (op.pwrLmt) {
    const w = watts(op.pwrLmt);
    if (w === null || w <= 0) return { ok: false, fault: faultAnswer(header, 'XMLVendSchemaEx', `pwrLmt ${op.pwrLmt.value} ${op.pwrLmt.unit} is not a power limit in W or kW`) };
    pwrLmt = { value: op.pwrLmt.value, siUnit: op.pwrLmt.unit, watts: w };
  }
  const token = m.issueEngineering(op.kind, pwrLmt?.watts ?? 0, now);
  return {
    ok: true,
    value: { type: 'engineering', kind: op.kind, header, availCreditMinor: s.vendorCreditMinor, cust: custOf(m, now), meter: m.info(), token, pwrLmt },
  };
}
