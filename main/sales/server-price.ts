// A vending server that prices sales itself (an XMLVend server: the utility's tariffs, charges,
// debt and tax live there) is asked for its price before the cashier confirms and again when the
// sale is made: its trial vend changes nothing. The counter's own tariff prices the sale only when
// the server cannot be reached at all, the case where the token is then made on the counter.
import type { Deduction, Quote, ServerLine } from '../../preload/contract';
import { lookupMeter } from '../meters/find';
import { err } from '../common/errors';
import { neverArrived } from '../vendors/outcome';
import { lineLabel } from '../printing/receipt-vendor';
import type { SalesDeps, ServerPrice } from './ports';

/** The server's price for this sale; undefined when the counter prices it (no such server, or unreachable). */
export async function serverPriceFor(deps: Pick<SalesDeps, 'db' | 'sts'>, req: { meterNumber: string; amountMinor?: number; energyTenths?: number }): Promise<ServerPrice | undefined> {
  if (!deps.sts.pricesSales?.() || !deps.sts.price) return undefined;
  const meter = lookupMeter(deps.db.read, req.meterNumber);
  if (meter.kind !== 'sts' || meter.paymentMode !== 'prepaid') return undefined; // account payments and cloud meters: ours
  if (req.energyTenths !== undefined) {
    throw err('BAD_INPUT', 'The vending server prices sales by amount: enter the amount of money, not kWh.',
      'خادم البيع يسعّر العمليات بالمبلغ: أدخل المبلغ وليس الكيلوواط ساعة.');
  }
  const o = await deps.sts.price({ meterNumber: meter.number, amountMinor: req.amountMinor ?? 0 });
  if (o.kind === 'ok') return o.value;
  if (o.kind === 'refused') throw err('VENDOR_REFUSED', `The vending server refused this sale: ${o.message.en} Nothing was sold.`, `رفض خادم البيع هذه العملية: ${o.message.ar} لم يتم البيع.`, [o.code]);
  if (neverArrived(o)) return undefined;
  throw err('VENDOR_UNREACHABLE', 'The vending server did not answer with a price. Nothing was sold: try again.',
    'لم يرد خادم البيع بالسعر. لم يتم البيع: حاول مرة أخرى.');
}

function deductionOf(l: ServerLine): Deduction {
  const tax = l.type === 'VAT' || l.type === 'Tax' || /^vat$/i.test(l.desc ?? '');
  return { kind: tax ? 'vat' : l.type === 'DebtRecoveryTx' ? 'debt' : 'fee', label: lineLabel(l), amountMinor: l.minor };
}

/** The figures of a quote the server priced: its energy, its value, its other transactions as deductions. */
export function serverFigures(amountMinor: number, tenderedMinor: number | undefined, p: ServerPrice, currencyLabel: (m: number) => string):
  Pick<Quote, 'amountMinor' | 'deductions' | 'energyTenths' | 'valueMinor' | 'estimatedEnergyTenths' | 'chargedMinor' | 'tenderedMinor' | 'changeMinor' | 'server'> {
  const total = p.valueMinor + p.lines.reduce((a, l) => a + l.minor, 0);
  // Money exact: a breakdown that does not add up to what the customer pays is not sold on.
  if (total !== amountMinor) {
    throw err('CONFLICT', `The vending server's breakdown adds up to ${currencyLabel(total)}, not the ${currencyLabel(amountMinor)} asked. Nothing was sold: ask a supervisor.`,
      `مجموع تفاصيل خادم البيع ${currencyLabel(total)} وليس ${currencyLabel(amountMinor)} المطلوب. لم يتم البيع: راجع المشرف.`);
  }
  const tendered = tenderedMinor ?? amountMinor;
  if (tendered < amountMinor) throw err('TENDERED_TOO_LOW', `The customer must pay at least ${currencyLabel(amountMinor)}.`, `يجب أن يدفع العميل ${currencyLabel(amountMinor)} على الأقل.`);
  return {
    amountMinor, deductions: p.lines.map(deductionOf), energyTenths: p.energyTenths, valueMinor: p.valueMinor, estimatedEnergyTenths: null,
    chargedMinor: amountMinor, tenderedMinor: tendered, changeMinor: tendered - amountMinor,
    server: { protocol: 'xmlvend', tariffName: p.tariffName, lines: p.lines },
  };
}
