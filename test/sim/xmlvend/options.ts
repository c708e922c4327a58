// What the XMLVend simulator is told when it starts: which real server it answers like, who may
// call it, its currency and pricing, and the meters and accounts it holds. Everything has a
// default, so `startXmlVendSim()` alone is the demo's server.
import { isoDecimals } from '../../../main/setup/rules';
import type { DemoStsMeter } from '../demo-data';
import type { SimClock } from '../world/clock';
import { XMLVEND_DEMO_CREDENTIALS, XMLVEND_DEMO_METERS } from './demo';
import { parsePrice, type DecimalPrice } from './money';

/** hexing: the Java server (SOAP-ENV, ns2/ns3 prefixes, tax inside the credit transaction, key change inside it).
 *  conlog: the .NET server (default namespaces, key-change tokens as their own transactions, VAT as a service charge). */
export type XmlVendStyle = 'hexing' | 'conlog';

/** A meter the server knows: the demo meter (its key data is what the meter holds) plus the utility's records. */
export interface XmlVendMeter extends DemoStsMeter {
  address?: string;
  accNo?: string;
  locRef?: string;
  /** Arrears the utility recovers from purchases, minor units. */
  debtMinor?: number;
  /** Registered for free basic electricity: one FBE token a calendar month with the first purchase. */
  fbeEligible?: boolean;
}

/** A postpaid / credit account paid with payAccReq, not tied to a meter. */
export interface XmlVendAccount {
  accNo: string;
  name: string;
  address: string;
  /** What the customer owes, minor units. */
  balanceMinor: number;
}

export interface XmlVendCredentials {
  /** The client's EAN (13 digits) the server knows. */
  clientEan: string;
  opName: string;
  password: string;
}

export interface XmlVendSimOptions {
  port?: number;
  style?: XmlVendStyle;
  credentials?: XmlVendCredentials;
  /** ISO 4217 code of the server's currency (default the demo's, YER); its exponent comes from ICU. */
  currency?: string;
  /** What the server writes in Currency@symbol (Hexing writes "R" for rand); default the ISO code. */
  symbol?: string;
  /** Flat tariff, currency units per kWh as a decimal string (default "25"). */
  pricePerKwh?: string;
  serviceChargeMinor?: number;
  debtRecoveryPercent?: number;
  vatRateBp?: number;
  minVendMinor?: number;
  maxVendMinor?: number;
  /** The vendor's credit at the utility; purchases and payments draw on it. */
  vendorCreditMinor?: number;
  /** Free basic electricity per month, 0.1 kWh (default 500 = 50 kWh); 0 turns FBE off. */
  fbeTenths?: number;
  /** How long a response can be fetched with lastRespAdviceReq (default 24 h of the sim clock). */
  adviceWindowMs?: number;
  /** How many of a meter's previous vends a reprint gives (default 5). */
  reprintCount?: number;
  meters?: readonly XmlVendMeter[];
  accounts?: readonly XmlVendAccount[];
  clock?: SimClock;
  now?: () => Date;
}

export interface XmlVendConfig {
  style: XmlVendStyle;
  credentials: XmlVendCredentials;
  currency: string;
  exponent: number;
  symbol: string;
  pricePerKwh: DecimalPrice;
  tariffName: string;
  serviceChargeMinor: number;
  debtRecoveryPercent: number;
  vatRateBp: number;
  minVendMinor: number;
  maxVendMinor: number;
  fbeTenths: number;
  adviceWindowMs: number;
  reprintCount: number;
  server: { ean: string; id: string };
  utility: { name: string; address: string; taxRef: string };
  vendor: { name: string; address: string };
}

/** The options that can change while the server runs (a test turns VAT or FBE on between vends). */
export type XmlVendPricingChange = Partial<Pick<XmlVendSimOptions, 'pricePerKwh' | 'serviceChargeMinor' | 'debtRecoveryPercent' | 'vatRateBp' | 'minVendMinor' | 'maxVendMinor' | 'fbeTenths' | 'adviceWindowMs' | 'reprintCount'>>;

export function resolveConfig(o: XmlVendSimOptions): XmlVendConfig {
  const currency = o.currency ?? 'YER';
  const exponent = isoDecimals(currency);
  const unit = 10 ** exponent;
  return applyChange(
    {
      style: o.style ?? 'hexing',
      credentials: o.credentials ?? XMLVEND_DEMO_CREDENTIALS,
      currency,
      exponent,
      symbol: o.symbol ?? currency,
      pricePerKwh: parsePrice('25'),
      tariffName: 'SHAHN-DEMO-TG1',
      serviceChargeMinor: 0,
      debtRecoveryPercent: 25,
      vatRateBp: 0,
      minVendMinor: unit,
      maxVendMinor: 100_000 * unit,
      fbeTenths: 500,
      adviceWindowMs: 24 * 3600_000,
      reprintCount: 5,
      server: { ean: '6009990000017', id: '1' },
      utility: { name: 'Shahn Demo Utility', address: 'Demo Street 1', taxRef: '0' },
      vendor: { name: 'Shahn Demo Vendor', address: 'Demo Street 2' },
    },
    o,
  );
}

export function applyChange(c: XmlVendConfig, o: XmlVendPricingChange): XmlVendConfig {
  const intOpt = (v: number | undefined, fallback: number, name: string, max = Number.MAX_SAFE_INTEGER) => {
    if (v === undefined) return fallback;
    if (!Number.isSafeInteger(v) || v < 0 || v > max) throw new Error(`XMLVend simulator: ${name} must be a whole number from 0 to ${max}`);
    return v;
  };
  return {
    ...c,
    pricePerKwh: o.pricePerKwh === undefined ? c.pricePerKwh : parsePrice(o.pricePerKwh),
    serviceChargeMinor: intOpt(o.serviceChargeMinor, c.serviceChargeMinor, 'serviceChargeMinor'),
    debtRecoveryPercent: intOpt(o.debtRecoveryPercent, c.debtRecoveryPercent, 'debtRecoveryPercent', 100),
    vatRateBp: intOpt(o.vatRateBp, c.vatRateBp, 'vatRateBp', 10_000),
    minVendMinor: intOpt(o.minVendMinor, c.minVendMinor, 'minVendMinor'),
    maxVendMinor: intOpt(o.maxVendMinor, c.maxVendMinor, 'maxVendMinor'),
    fbeTenths: intOpt(o.fbeTenths, c.fbeTenths, 'fbeTenths', 16_383),
    adviceWindowMs: intOpt(o.adviceWindowMs, c.adviceWindowMs, 'adviceWindowMs'),
    reprintCount: intOpt(o.reprintCount, c.reprintCount, 'reprintCount', 100),
  };
}

export const DEFAULT_METERS = XMLVEND_DEMO_METERS;
