// Step 1 of a sale: the quote. No side effects: meter -> schedule in force -> active period
// now -> exact price. Also used to preview a price at another instant (`at`).
import { isValidMeterNumber } from '../sts';
import type { Quote } from '../../preload/contract';
import { findMeter, latestSchedule, type MeterRecord } from '../../db/repos/meters';
import { err } from '../errors';
import { formatMinor } from '../money';
import { activePeriod, hhmm } from '../tariffs/schedule';
import { priceSale, QuoteRefusal } from '../tariffs/quote';
import type { SalesDeps } from './ports';

export interface QuoteRequest { meterNumber: string; amountMinor: number; tenderedMinor?: number; at?: string }

export function lookupMeterForSale(deps: Pick<SalesDeps, 'db'>, meterNumber: string): MeterRecord {
  const number = meterNumber.replace(/[\s-]/g, '');
  const meter = findMeter(deps.db.read, number);
  if (meter) return meter;
  if (/^\d{11}$|^\d{13}$/.test(number) && !isValidMeterNumber(number)) {
    throw err('BAD_METER_NUMBER', `Meter number ${number} has a wrong check digit. Check the number on the meter.`,
      `رقم العداد ${number} به خانة تحقق خاطئة. تأكد من الرقم المكتوب على العداد.`);
  }
  throw err('METER_NOT_FOUND', `No meter ${number} is registered at this counter.`, `العداد ${number} غير مسجل في هذا المركز.`);
}

export function quoteSale(deps: Pick<SalesDeps, 'db' | 'config' | 'now'>, req: QuoteRequest): { quote: Quote; meter: MeterRecord } {
  const meter = lookupMeterForSale(deps, req.meterNumber);
  const at = req.at ? new Date(req.at) : deps.now();
  const schedule = latestSchedule(deps.db.read, meter.scheduleCode, at.toISOString());
  const period = schedule && activePeriod(schedule, at, deps.config.timeZone);
  if (!schedule || !period) {
    throw err('NO_TARIFF', `No tariff is in force for meter ${meter.number} at this time. Ask a supervisor.`,
      `لا توجد تعرفة سارية للعداد ${meter.number} في هذا الوقت. راجع المشرف.`);
  }
  const product = meter.kind === 'sts' ? 'sts_kwh' : 'acrel_credit';
  const money = (m: number) => `${formatMinor(m, deps.config.currencyDecimals)} ${deps.config.currency}`;
  try {
    const price = priceSale({
      product, amountMinor: req.amountMinor, tenderedMinor: req.tenderedMinor, pricePerKwh: period.pricePerKwh,
      vatPercent: schedule.vatPercent, feeMinor: schedule.feeMinor, minPurchaseMinor: schedule.minPurchaseMinor, maxPurchaseMinor: schedule.maxPurchaseMinor,
    });
    const quote: Quote = {
      meterNumber: meter.number, product, customerName: meter.customerName, at: at.toISOString(), currency: deps.config.currency,
      tariff: {
        scheduleId: schedule.id, scheduleName: schedule.name, periodName: period.name, pricePerKwh: period.pricePerKwh,
        periodStart: hhmm(period.startMinute), periodEnd: hhmm(period.endMinute), timeZone: deps.config.timeZone,
      },
      amountMinor: req.amountMinor, ...price,
    };
    return { quote, meter };
  } catch (e) {
    if (!(e instanceof QuoteRefusal)) throw e;
    const limit = e.limitMinor === undefined ? '' : money(e.limitMinor);
    switch (e.problem) {
      case 'AMOUNT_TOO_LARGE':
        throw err('AMOUNT_TOO_LARGE', `The most one purchase can be is ${limit}.`, `الحد الأعلى للشراء الواحد ${limit}.`);
      case 'TENDERED_TOO_LOW':
        throw err('TENDERED_TOO_LOW', `The customer must pay at least ${limit}.`, `يجب أن يدفع العميل ${limit} على الأقل.`);
      default:
        throw err('AMOUNT_TOO_SMALL',
          limit ? `The amount is too small: the least is ${limit}.` : 'The amount is too small to buy 0.1 kWh at the current price.',
          limit ? `المبلغ صغير جداً: الحد الأدنى ${limit}.` : 'المبلغ لا يكفي لشراء 0.1 كيلوواط ساعة بالسعر الحالي.');
    }
  }
}
