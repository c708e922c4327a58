// Stored sale -> receipt blocks. Pure: no clock, no I/O, no printer knowledge. The same sale and
// context always give the same receipt, which is what lets a reprint match the original.
import type { Sale } from '../../preload/contract';
import { formatEnergy, formatLocalDateTime, formatMoney, formatPricePerKwh } from './format';
import { COPY_MARK, L, PAYMENT, PRODUCT, STATEMENT } from './labels';
import type { Align, Bilingual, Block, Receipt, ReceiptContext } from './types';
import { vendorBreakdown, vendorTokens } from './receipt-vendor';

export function buildReceipt(sale: Sale, ctx: ReceiptContext, opts: { copy: boolean }): Receipt {
  const blocks: Block[] = [];
  const lang = ctx.language;
  const money = (minor: number): string => `${formatMoney(minor, ctx.currencyDecimals)} ${ctx.currency}`;
  const kv = (label: Bilingual, value: string | Bilingual, bold = false): void => {
    blocks.push({ kind: 'keyValue', label, value, bold });
  };
  // A bilingual paragraph becomes one text block per language; Arabic first because the
  // counters' customers read Arabic first.
  const say = (b: Bilingual, align: Align = 'center', bold = false, size: 1 | 2 = 1): void => {
    if (lang !== 'en') blocks.push({ kind: 'text', text: b.ar, align, size, bold, lang: 'ar' });
    if (lang !== 'ar') blocks.push({ kind: 'text', text: b.en, align, size, bold, lang: 'en' });
  };

  // Header: who sold it, where and when.
  say(ctx.utilityName, 'center', true);
  // An address given in one language only is printed in that one (never an empty line).
  if (ctx.address) say({ ar: ctx.address.ar || ctx.address.en, en: ctx.address.en || ctx.address.ar });
  if (ctx.taxNumber) kv(L.taxNumber, ctx.taxNumber);
  if (opts.copy) blocks.push({ kind: 'text', text: COPY_MARK, align: 'center', size: 2, bold: true, lang: 'ar' });
  blocks.push({ kind: 'rule' });
  kv(L.receiptNo, String(sale.receiptNo), true);
  kv(L.dateTime, formatLocalDateTime(sale.createdAt, ctx.timeZone));
  kv(L.counter, ctx.counterName);
  // The stored sale names who sold; on a copy the person reprinting is named separately so the
  // copy never misattributes the original sale.
  kv(L.cashier, opts.copy ? sale.cashier : ctx.cashierName);
  if (opts.copy && ctx.cashierName !== sale.cashier) kv(L.reprintedBy, ctx.cashierName);
  blocks.push({ kind: 'rule' });

  // What was bought.
  kv(L.meter, sale.meterNumber, true);
  if (sale.customerName) kv(L.customer, sale.customerName);
  // An account payment (postpaid/credit) buys no energy: no tariff lines, the debt instead.
  const settlement = sale.product === 'settlement' || sale.kind === 'settlement';
  kv(L.product, PRODUCT[settlement ? 'settlement' : sale.product]);
  const t = sale.tariff;
  // A sale the vending server priced prints the server's tariff with its breakdown, not ours.
  if (!sale.server) {
    kv(L.tariff, t.scheduleName);
    if (!settlement) kv(L.period, { ar: `${t.periodName.ar} ${t.periodStart}-${t.periodEnd}`, en: `${t.periodName.en} ${t.periodStart}-${t.periodEnd}` });
    if (!settlement) kv(L.price, `${formatPricePerKwh(t.pricePerKwh, ctx.currencyDecimals)} ${ctx.currency}`);
  }
  blocks.push({ kind: 'rule' });

  // The money, in the order the cashier explains it: amount, what is deducted, what it buys. A
  // server that priced the sale itself (XMLVend) gives its own transactions instead: they are
  // what it charged, and a reprint must show exactly them.
  kv(L.amount, money(sale.amountMinor));
  if (sale.vendorReceipt) {
    vendorBreakdown(sale.vendorReceipt, kv, money);
    if (sale.energyTenths !== null) kv(L.energy, `${formatEnergy(sale.energyTenths)} kWh`, true);
  } else {
    for (const d of sale.deductions) kv(d.label, money(d.amountMinor));
    if (settlement && sale.debt) {
      kv(L.debtBefore, money(sale.debt.beforeMinor));
      kv(L.paid, money(sale.debt.recoveredMinor), true);
      kv(L.debtAfter, money(sale.debt.afterMinor), true);
    } else if (sale.product === 'sts_kwh') {
      if (sale.energyTenths !== null) kv(L.energy, `${formatEnergy(sale.energyTenths)} kWh`, true);
      kv(L.energyValue, money(sale.valueMinor));
    } else {
      kv(L.credit, money(sale.valueMinor), true);
      if (sale.estimatedEnergyTenths !== null) kv(L.estimatedEnergy, `~${formatEnergy(sale.estimatedEnergyTenths)} kWh`);
    }
  }
  kv(L.charged, money(sale.chargedMinor), true);
  kv(L.payment, PAYMENT[sale.paymentMethod]);
  kv(L.tendered, money(sale.tenderedMinor));
  kv(L.change, money(sale.changeMinor));
  blocks.push({ kind: 'rule' });

  outcome(sale, blocks, say, kv);

  blocks.push({ kind: 'qr', data: [sale.token ?? '', sale.meterNumber, String(sale.receiptNo)].join('|') });
  if (ctx.footer) say(ctx.footer);
  blocks.push({ kind: 'feed', lines: 1 }, { kind: 'cut' });
  return { language: lang, saleId: sale.id, receiptNo: sale.receiptNo, copy: opts.copy, blocks };
}

type Say = (b: Bilingual, align?: Align, bold?: boolean, size?: 1 | 2) => void;
type Kv = (label: Bilingual, value: string | Bilingual, bold?: boolean) => void;

/** The part that differs by outcome: the token, or a plain statement of where the money stands. */
function outcome(sale: Sale, blocks: Block[], say: Say, kv: Kv): void {
  const sts = sale.product === 'sts_kwh';
  if (sale.status === 'issued' && sale.token && sale.vendorReceipt) {
    // The server's tokens, all of them, in its entry order (key change first, free electricity last).
    vendorTokens(sale.vendorReceipt, blocks, say);
    say(STATEMENT.tokenEntry);
  } else if (sale.status === 'issued' && sale.token && sale.keyChangeTokens) {
    // The meter takes its new key first: both key-change tokens, then the credit token (made under the new key).
    say(STATEMENT.keyChangeOrder, 'center', true);
    say(L.keyChange1, 'center', true);
    blocks.push({ kind: 'token', digits: sale.keyChangeTokens[0] });
    say(L.keyChange2, 'center', true);
    blocks.push({ kind: 'token', digits: sale.keyChangeTokens[1] });
    say(L.creditAfterKeyChange, 'center', true);
    blocks.push({ kind: 'token', digits: sale.token });
    if (sale.tokenSource === 'local') say(STATEMENT.localToken);
  } else if (sale.status === 'issued' && sale.token) {
    say(L.token, 'center', true);
    blocks.push({ kind: 'token', digits: sale.token });
    say(STATEMENT.tokenEntry);
    if (sale.tokenSource === 'local') say(STATEMENT.localToken);
  } else if (sale.status === 'issued' && (sale.product === 'settlement' || sale.kind === 'settlement')) {
    say(STATEMENT.settled, 'center', true);
  } else if (sale.status === 'issued') {
    say(STATEMENT.creditSent, 'center', true);
  } else if (sale.status === 'pending' || sale.status === 'paid') {
    // 'paid' only reaches a receipt if printing happens before the vendor answers; to the customer
    // it means the same as pending: money taken, delivery to follow.
    say(sts ? STATEMENT.pendingToken : STATEMENT.pendingCredit, 'center', true);
  } else if (sale.status === 'unknown') {
    say(STATEMENT.unknown, 'center', true);
  } else {
    say(sts ? STATEMENT.failedToken : STATEMENT.failedCredit, 'center', true);
    if (sale.errorMessage) say(sale.errorMessage);
  }
  // Every receipt carries the reference a supervisor needs to find the sale again.
  kv(L.reference, sale.id);
  if (sale.vendorRef) kv(L.vendorRef, sale.vendorRef);
}
