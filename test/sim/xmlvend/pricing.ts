// The server's side of a purchase: how the value the customer pays splits into a service charge,
// debt recovery, the electricity itself and the VAT on it. All integer minor units; the parts add
// up to the purchase value exactly, because the last part is what is left, never rounded apart.
import { tenthsFor, type DecimalPrice } from './money';

export interface Pricing {
  exponent: number;
  pricePerKwh: DecimalPrice;
  /** Fixed service charge taken from every purchase (minor units, 0: none). */
  serviceChargeMinor: number;
  /** Share of what is left after the service charge that goes to the meter's debt, in percent. */
  debtRecoveryPercent: number;
  /** VAT included in the electricity amount, in basis points (1500 = 15%; 0: none). */
  vatRateBp: number;
}

export interface Breakdown {
  purchaseMinor: number;
  serviceMinor: number;
  debtMinor: number;
  /** The electricity without VAT: what the credit transaction's amount says. */
  netMinor: number;
  taxMinor: number;
  /** Energy the net amount buys at the tariff, in 0.1 kWh. */
  tenths: number;
}

export type PriceResult = { ok: true; breakdown: Breakdown } | { ok: false; reason: string };

export function price(purchaseMinor: number, debtOwedMinor: number, p: Pricing): PriceResult {
  const serviceMinor = p.serviceChargeMinor;
  const afterService = purchaseMinor - serviceMinor;
  if (afterService <= 0) return { ok: false, reason: 'The purchase value does not cover the service charge' };
  const debtMinor = Math.min(Math.max(debtOwedMinor, 0), Math.floor((afterService * p.debtRecoveryPercent) / 100));
  const electricity = afterService - debtMinor;
  // VAT is inside the electricity amount: net = gross / (1 + rate), rounded half up; tax the rest.
  const netMinor = p.vatRateBp === 0 ? electricity : Math.floor((electricity * 20_000 + (10_000 + p.vatRateBp)) / (2 * (10_000 + p.vatRateBp)));
  const taxMinor = electricity - netMinor;
  const tenths = tenthsFor(netMinor, p.exponent, p.pricePerKwh);
  if (tenths <= 0) return { ok: false, reason: 'The purchase value buys no energy after charges' };
  return { ok: true, breakdown: { purchaseMinor, serviceMinor, debtMinor, netMinor, taxMinor, tenths } };
}
