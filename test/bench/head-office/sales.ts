// What a counter sends the head office over a working week: sale records in the shape of the
// shared SaleSchema (STS tokens, cloud-meter credit, account settlements; issued, failed, still
// pending or unknown; cash, card, transfer), each in its final version and, for the sales whose
// life had several steps (paid, then pending or unknown, then issued or failed), an older version
// too. Deterministic from a seed, so a failing run can be repeated.
import type { Sale } from '../../../preload/contract';
import { SaleSchema } from '../../../preload/contract';
import { acrelMeterNumber, personName, pick, prng, stsMeterNumber, tokenDigits, uuid } from '../scale/names';

export { prng };

/** One counter's sales: the newest version of each, and the older versions it also sent. */
export interface CounterSales {
  newest: Sale[];
  /** Older versions (by sale id) a counter pushed before the sale reached its final state. */
  older: Map<string, Sale>;
}

interface Schedule {
  scheduleId: number;
  scheduleName: { ar: string; en: string };
  periods: { periodName: { ar: string; en: string }; pricePerKwh: string; periodStart: string; periodEnd: string }[];
}

const TARIFFS: Schedule[] = [
  { scheduleId: 1, scheduleName: { ar: 'منزلي', en: 'Residential' }, periods: [
    { periodName: { ar: 'الذروة', en: 'Peak' }, pricePerKwh: '12.5000', periodStart: '18:00', periodEnd: '23:00' },
    { periodName: { ar: 'خارج الذروة', en: 'Off-peak' }, pricePerKwh: '8.0000', periodStart: '23:00', periodEnd: '24:00' },
    { periodName: { ar: 'النهار', en: 'Day' }, pricePerKwh: '10.2500', periodStart: '06:00', periodEnd: '18:00' },
  ] },
  { scheduleId: 2, scheduleName: { ar: 'تجاري', en: 'Commercial' }, periods: [
    { periodName: { ar: 'موحد', en: 'Flat' }, pricePerKwh: '17.7500', periodStart: '00:00', periodEnd: '24:00' },
  ] },
];

const AMOUNTS = [500, 1_000, 1_500, 2_000, 3_000, 5_000, 7_500, 10_000, 20_000, 50_000];
const WEEK_START = Date.parse('2026-03-01T05:00:00.000Z');

/** Energy in 0.1 kWh that `money` minor units buy at `price` (a decimal string with 4 places), rounded down. */
function energyOf(money: number, price: string): number {
  const [i, f = ''] = price.split('.');
  const perKwh10k = Number(i) * 10_000 + Number(f.padEnd(4, '0'));
  return Math.floor((money * 100_000) / perKwh10k);
}

/** The exact cost of that energy, rounded up to the minor unit. */
function valueOf(tenths: number, price: string): number {
  const [i, f = ''] = price.split('.');
  const perKwh10k = Number(i) * 10_000 + Number(f.padEnd(4, '0'));
  return Math.ceil((tenths * perKwh10k) / 100_000);
}

const iso = (ms: number) => new Date(ms).toISOString();

/** `n` sales of counter number `counter` (1-based), from `seed`. Every record is checked against SaleSchema. */
export function counterSales(counter: number, n: number, seed: number): CounterSales {
  const rnd = prng(seed * 7919 + counter);
  const cashiers = Array.from({ length: 2 + Math.floor(rnd() * 3) }, (_, i) => `cashier${counter}-${i + 1}`);
  const newest: Sale[] = [];
  const older = new Map<string, Sale>();
  // A counter sells from early morning to late evening; 2,000 sales spread over a week.
  const step = Math.max(1, Math.floor((7 * 16 * 3_600_000) / Math.max(1, n)));
  let t = WEEK_START + Math.floor(rnd() * 3_600_000);
  for (let i = 0; i < n; i++) {
    t += Math.floor(step * (0.5 + rnd()));
    const at = iso(t);
    const kindRoll = rnd();
    const product: Sale['product'] = kindRoll < 0.7 ? 'sts_kwh' : kindRoll < 0.93 ? 'acrel_credit' : 'settlement';
    const schedule = pick(rnd, TARIFFS);
    const period = pick(rnd, schedule.periods);
    const amount = pick(rnd, AMOUNTS);
    const vat = rnd() < 0.3 ? Math.floor(amount * 0.05) : 0;
    const fee = product === 'sts_kwh' && rnd() < 0.2 ? 100 : 0;
    const net = amount - vat - fee;
    const deductions: Sale['deductions'] = [
      ...(vat > 0 ? [{ kind: 'vat' as const, label: { ar: 'ضريبة القيمة المضافة', en: 'VAT' }, amountMinor: vat }] : []),
      ...(fee > 0 ? [{ kind: 'fee' as const, label: { ar: 'رسوم خدمة', en: 'Service fee' }, amountMinor: fee }] : []),
    ];
    const energyTenths = product === 'sts_kwh' ? energyOf(net, period.pricePerKwh) : null;
    const valueMinor = product === 'sts_kwh' ? valueOf(energyTenths!, period.pricePerKwh) : net;
    const tendered = rnd() < 0.6 ? amount : Math.ceil(amount / 1_000) * 1_000 + (rnd() < 0.5 ? 1_000 : 0);
    const paymentMethod: Sale['paymentMethod'] = pick(rnd, ['cash', 'cash', 'cash', 'cash', 'card', 'transfer'] as const);
    const serial = 1 + Math.floor(rnd() * 20_000);
    const meterNumber = product === 'sts_kwh' ? stsMeterNumber(pick(rnd, ['0400', '0410', '0123']), serial) : acrelMeterNumber(serial);
    const name = rnd() < 0.9 ? personName(rnd) : null;

    // Where the sale ended: mostly issued; some failed (money handed back), a few still open.
    const endRoll = rnd();
    const status: Sale['status'] = product === 'settlement' ? 'issued'
      : endRoll < 0.86 ? 'issued' : endRoll < 0.94 ? 'failed' : endRoll < 0.97 ? 'pending' : 'unknown';
    const local = product === 'sts_kwh' && rnd() < 0.15;
    const settledAt = t + 2_000 + Math.floor(rnd() * (status === 'issued' ? 20_000 : 3_600_000));
    const base: Sale = {
      id: uuid(rnd),
      receiptNo: i + 1,
      status: 'paid',
      paymentMethod,
      cashier: pick(rnd, cashiers),
      meterNumber,
      product,
      customerName: name ? (rnd() < 0.5 ? name.ar : name.latin) : null,
      at,
      currency: 'YER',
      tariff: { scheduleId: schedule.scheduleId, scheduleName: schedule.scheduleName, ...period, timeZone: 'Asia/Aden' },
      amountMinor: amount,
      deductions,
      energyTenths,
      valueMinor,
      estimatedEnergyTenths: product === 'acrel_credit' ? energyOf(net, period.pricePerKwh) : null,
      chargedMinor: amount,
      tenderedMinor: tendered,
      changeMinor: tendered - amount,
      paymentMode: product === 'settlement' ? 'postpaid' : 'prepaid',
      kind: product === 'settlement' ? 'settlement' : 'purchase',
      token: null,
      tokenSource: null,
      vendorRef: null,
      errorCode: null,
      errorMessage: null,
      createdAt: at,
      updatedAt: at,
      printStatus: 'none',
    };
    const final: Sale = { ...base, status, updatedAt: iso(settledAt) };
    if (status === 'issued') {
      if (product === 'sts_kwh') Object.assign(final, { token: tokenDigits(rnd), tokenSource: local ? 'local' : 'vendor' });
      if (!local && product !== 'settlement') final.vendorRef = `${product === 'sts_kwh' ? 'STS' : 'ACR'}-${counter}-${i + 1}`;
      final.printStatus = rnd() < 0.97 ? 'printed' : 'failed';
    } else if (status === 'failed') {
      Object.assign(final, { errorCode: 'VENDOR_REFUSED', errorMessage: { en: 'The vendor refused this sale', ar: 'رفض المزود هذه العملية' }, printStatus: 'none' });
    } else if (status === 'unknown') {
      Object.assign(final, { errorCode: 'TIMEOUT', errorMessage: { en: 'No answer from the vendor', ar: 'لا رد من المزود' } });
    }
    newest.push(SaleSchema.parse(final));
    // A sale whose outbox pushed it on its way (paid, or pending at the vendor) before it
    // reached its final state was delivered in an older version too.
    if (rnd() < 0.2) {
      const step: Sale = rnd() < 0.5 ? base : { ...base, status: 'pending', updatedAt: iso(t + 1_000) };
      older.set(base.id, SaleSchema.parse(step));
    }
  }
  return { newest, older };
}
