// A receipt (creditVendReceipt, payAccReceipt): its transactions as exact entries, the tokens
// their issues carry, and the totals (lessRound, tenderAmt, change).
import type { Element } from '@xmldom/xmldom';
import type { Money } from './money';
import type { MeterDetail, TariffStep, Token, Transaction } from './model';
import { fail, type ReadOptions } from './read-error';
import { attrOrNull, childText, meterDetail, money, optMoney, quantity, rawAmount, requireChild } from './read-parts';
import { isTokenIssue, tokensOf, type TokenContext } from './read-tokens';
import { child, childElements, children, descendants, isNil, localName, xsiType } from './xml';

export interface ReceiptParts {
  receiptNo: string | null;
  transactions: Transaction[];
  tokens: Token[];
  lessRound: Money | null;
  tenderAmt: Money | null;
  change: Money | null;
  /** The receipt's own meterDetail (payAccReceipt), else the first token issue's. */
  meterDetail: MeterDetail | null;
}

function tariffSteps(breakdown: Element | null): TariffStep[] {
  if (!breakdown) return [];
  const steps: TariffStep[] = [];
  for (const step of descendants(breakdown, 'Step')) {
    const units = quantity(child(step, 'units'), 'tariff step units');
    const rate = rawAmount(child(step, 'rate'));
    if (units && rate) steps.push({ units, rate });
  }
  return steps;
}

/**
 * The entries of one tx: the tx itself (when it has an amount) and then each of its taxes. A tx
 * without an amount (Conlog's key-change carriers) gives no entry, only its tokens.
 */
export function txEntries(tx: Element, opts: ReadOptions): Transaction[] {
  const amt = child(tx, 'amt');
  if (!amt || isNil(amt)) return [];
  const type = xsiType(tx) ?? 'Tx';
  const receiptNo = attrOrNull(tx, 'receiptNo');
  const accDesc = childText(tx, 'accDesc');
  const accNo = childText(tx, 'accNo');
  const tariffEl = child(tx, 'tariff');
  const tariff = tariffEl ? childText(tariffEl, 'name') : null;
  const steps = tariffSteps(child(tx, 'tariffBreakdown'));
  const balance = optMoney(tx, 'balance', opts, type);
  const entry: Transaction = {
    type,
    ...money(amt, opts, `${type} amt`),
    ...(receiptNo !== null ? { receiptNo } : {}),
    ...(accDesc !== null ? { accDesc } : {}),
    ...(accNo !== null ? { accNo } : {}),
    ...(tariff !== null ? { tariff } : {}),
    ...(steps.length ? { tariffSteps: steps } : {}),
    ...(balance ? { balance } : {}),
  };
  const out = [entry];
  for (const tax of children(tx, 'tax')) {
    const taxType = xsiType(tax) ?? 'Tax';
    const rate = attrOrNull(tax, 'rate');
    out.push({ type: taxType, ...money(requireChild(tax, 'amt'), opts, `${taxType} tax amt`), ...(rate !== null ? { rate } : {}) });
  }
  return out;
}

/** The token issues of a tx (creditTokenIssue, kcTokenIssue...), in document order. */
export function txTokens(tx: Element, ctx: TokenContext): { tokens: Token[]; meter: MeterDetail | null } {
  const tokens: Token[] = [];
  let meter: MeterDetail | null = null;
  for (const issue of childElements(tx).filter(isTokenIssue)) {
    tokens.push(...tokensOf(issue, ctx));
    meter ??= meterDetail(child(issue, 'meterDetail'));
  }
  return { tokens, meter };
}

export function readReceipt(receipt: Element, opts: ReadOptions, ctx: TokenContext): ReceiptParts {
  const transactions = requireChild(receipt, 'transactions');
  const txs = children(transactions, 'tx');
  const entries: Transaction[] = [];
  const tokens: Token[] = [];
  let tokenMeter: MeterDetail | null = null;
  for (const tx of txs) {
    entries.push(...txEntries(tx, opts));
    const t = txTokens(tx, ctx);
    tokens.push(...t.tokens);
    tokenMeter ??= t.meter;
  }
  const where = localName(receipt);
  const firstTxReceipt = txs.map((tx) => attrOrNull(tx, 'receiptNo')).find((r) => r !== null) ?? null;
  return {
    receiptNo: attrOrNull(receipt, 'receiptNo') ?? firstTxReceipt,
    transactions: entries,
    tokens,
    lessRound: optMoney(transactions, 'lessRound', opts, where),
    tenderAmt: optMoney(transactions, 'tenderAmt', opts, where),
    change: optMoney(transactions, 'change', opts, where),
    meterDetail: meterDetail(child(receipt, 'meterDetail')) ?? tokenMeter,
  };
}

/** The receipt of a response: the child whose name ends in Receipt (creditVendReceipt, payAccReceipt). */
export function receiptOf(message: Element): Element | null {
  return childElements(message).find((c) => /Receipt$/.test(localName(c))) ?? null;
}

/** Responses that are nothing without their receipt (by schema type, any case: Hexing writes fbeResp). */
const RECEIPT_OF: Record<string, string> = {
  creditvendresp: 'creditVendReceipt',
  trialcreditvendresp: 'creditVendReceipt',
  fberesp: 'creditVendReceipt',
  freeissueresp: 'creditVendReceipt',
  payaccresp: 'payAccReceipt',
};

export function requireReceipt(message: Element, schemaType: string): void {
  const name = RECEIPT_OF[schemaType.toLowerCase()];
  if (name && !receiptOf(message)) fail(`missing required element ${name} in ${localName(message)}`);
}
