// The physical side of one simulated meter, whichever cloud it belongs to: its link to the DCU,
// its relay, its load, its import register and its credit register (kWh tenths for an STS meter,
// money for an ADL200), and the rule that trips the relay when the credit is gone.
import type { RelayState, SchedulePeriod } from '../../../main/vendors/meter-wire';
import { PRICE_SCALE, priceAt } from './pricing';
import { mulberry32 } from '../kit/random';

export type Connection = 'rf' | 'wired' | 'none';
export type Mode = 'prepaid' | 'postpaid' | 'credit';

export interface SimMeterState {
  number: string;
  /** 'energy': the balance is 0.1 kWh (STS). 'money': the balance is minor units (ADL200). */
  unit: 'energy' | 'money';
  connection: Connection;
  dcuId: string | null;
  link: { online: boolean; signal: number | null; pinned: boolean; lastContactAt: number | null; rng: () => number };
  relay: RelayState;
  disconnectReason: string | null;
  amperageLimitA: number;
  /** What the household draws while the supply is on, watts. */
  loadW: number;
  importTenths: number;
  /** Energy not yet a whole 0.1 kWh, in watt-milliseconds (exact integer arithmetic). */
  residualWms: number;
  mode: Mode;
  creditLimit: number;
  balance: number;
  /** Money not yet a whole minor unit, in 1/100 000 minor (money meters only). */
  residualMoney: number;
  schedule: SchedulePeriod[];
  scheduleUpdatedAt: string | null;
  flatPrice: string | null;
  utcOffsetMinutes: number;
  readings: { at: string; importTenths: number }[];
  tamper: boolean;
}

/** 0.1 kWh = 100 Wh = 360 000 000 W·ms. */
export const WMS_PER_TENTH = 360_000_000;
export const MAX_READINGS = 2_000;

/** Small deterministic PRNG (mulberry32 seeded by the text's FNV-1a hash) so a seeded meter's link behaves the same every run. */
export function seededRandom(seedText: string): () => number {
  return mulberry32([...seedText].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0, 2166136261));
}

/** The balance at or below which the relay trips; null: never (postpaid). */
export function tripThreshold(m: SimMeterState): number | null {
  if (m.mode === 'postpaid') return null;
  return m.mode === 'credit' ? -m.creditLimit : 0;
}

export function hasCredit(m: SimMeterState): boolean {
  const t = tripThreshold(m);
  return t === null || m.balance > t;
}

/** After a payment or a mode change: a meter tripped for lack of credit closes its relay again. */
export function restoreIfPaid(m: SimMeterState): void {
  if (m.relay === 'tripped' && hasCredit(m)) m.relay = 'on';
  if (m.relay === 'on' && !hasCredit(m)) m.relay = 'tripped';
}

function deductTenth(m: SimMeterState, at: Date): void {
  if (m.unit === 'energy') {
    m.balance -= 1;
    return;
  }
  // Price per kWh scaled by 10 000 equals the price of 0.1 kWh in 1/100 000 minor units.
  const price = priceAt(m.schedule, m.flatPrice, at, m.utcOffsetMinutes) ?? 0;
  m.residualMoney += price;
  const whole = Math.floor(m.residualMoney / (PRICE_SCALE * 10));
  m.balance -= whole;
  m.residualMoney -= whole * PRICE_SCALE * 10;
}

/** Runs the load for `ms` from `start`: registers advance, credit is consumed, the relay trips at the limit. */
export function consume(m: SimMeterState, ms: number, start: Date): void {
  if (m.relay !== 'on' || ms <= 0) return;
  m.residualWms += m.loadW * ms;
  while (m.residualWms >= WMS_PER_TENTH) {
    m.residualWms -= WMS_PER_TENTH;
    m.importTenths += 1;
    if (m.mode !== 'postpaid') deductTenth(m, start);
    if (!hasCredit(m)) {
      m.relay = 'tripped';
      m.residualWms = 0;
      return;
    }
  }
}

/** A meter as it leaves the depot: relay closed (tripped at once if it has no credit), link up. */
export function newMeterState(p: {
  number: string;
  unit: 'energy' | 'money';
  connection: Connection;
  dcuId?: string | null;
  loadW?: number;
  mode: Mode;
  balance: number;
  amperageLimitA?: number;
  schedule?: SchedulePeriod[];
  flatPrice?: string | null;
}): SimMeterState {
  const rng = seededRandom(p.number);
  const m: SimMeterState = {
    number: p.number,
    unit: p.unit,
    connection: p.connection,
    dcuId: p.connection === 'none' ? null : (p.dcuId ?? 'DCU-01'),
    link: { online: p.connection !== 'none', signal: p.connection === 'rf' ? 55 + Math.round(rng() * 35) : null, pinned: false, lastContactAt: null, rng },
    relay: 'on',
    disconnectReason: null,
    amperageLimitA: p.amperageLimitA ?? 40,
    loadW: p.loadW ?? 800,
    importTenths: 0,
    residualWms: 0,
    mode: p.mode,
    creditLimit: 0,
    balance: p.balance,
    residualMoney: 0,
    schedule: p.schedule ?? [],
    scheduleUpdatedAt: null,
    flatPrice: p.flatPrice ?? null,
    utcOffsetMinutes: 180,
    readings: [],
    tamper: false,
  };
  restoreIfPaid(m);
  return m;
}
