// One simulated STS meter: the keys the vendor holds for it and the meter's own credit register.
// The meter "enters" a token as a real one does — decrypt with its decoder key, check the CRC,
// refuse a TID it has already used (or one older than everything it remembers) — so a test that
// passes here proves the token would load on the wall.
import { decodeToken, deriveDecoderKey, meterPan } from '../../main/sts';
import type { DemoStsMeter } from './demo-data';
import { newMeterState, restoreIfPaid, type SimMeterState } from './world/meter-state';

/** Real meters remember a bounded list of recent TIDs; 50 is a common size. */
const TID_MEMORY = 50;

export interface EnteredToken {
  token: string;
  tid: number;
  amountTenths: number;
  enteredAt: string;
}

export type TokenEntry =
  | { accepted: true; amountTenths: number; tid: number; balanceTenths: number }
  /** An engineering (class 2) token: clear tamper, clear credit, set the maximum power. */
  | { accepted: true; management: 'clear_tamper' | 'clear_credit' | 'set_power_limit'; tid: number; balanceTenths: number }
  | { accepted: false; reason: 'BAD_FORMAT' | 'REJECTED_CRC' | 'NOT_ELECTRICITY_CREDIT' | 'USED' | 'OLD' };

/** Amperes a power limit allows at the nominal 230 V. */
const NOMINAL_VOLTS = 230;

export class SimStsMeter {
  readonly number: string;
  readonly decoderKey: string;
  readonly connection: DemoStsMeter['connection'];
  readonly baseDate: DemoStsMeter['keys']['baseDate'];
  /** Vendor side: the last TID issued for this meter, so the next one is strictly greater. */
  lastIssuedTid: number | null = null;
  /** Meter side: relay, link, load, registers; consumed over simulated time by the world. */
  readonly state: SimMeterState;
  private readonly entered: EnteredToken[] = [];
  private readonly recentTids: number[] = [];

  constructor(data: DemoStsMeter) {
    const k = data.keys;
    this.number = data.number;
    this.connection = data.connection;
    this.baseDate = k.baseDate;
    this.state = newMeterState({
      number: data.number,
      unit: 'energy',
      connection: data.connection,
      dcuId: data.dcuId,
      loadW: data.loadW,
      mode: 'prepaid',
      balance: data.startingBalanceTenths,
    });
    this.decoderKey = deriveDecoderKey({
      dkga: k.dkga,
      vendingKey: k.vendingKey,
      keyType: k.keyType,
      sgc: k.sgc,
      ti: k.ti,
      krn: k.krn,
      pan: meterPan(data.number),
      baseDate: k.baseDate,
      ea: k.ea,
    });
  }

  /** Meter side: the kWh credit register, in 0.1 kWh. */
  get balanceTenths(): number {
    return this.state.balance;
  }
  set balanceTenths(v: number) {
    this.state.balance = v;
    // Credit is back: a meter that tripped for lack of it closes its relay again.
    restoreIfPaid(this.state);
  }

  /** The customer types the 20 digits on the meter's keypad. */
  enterToken(token: string, at: Date = new Date()): TokenEntry {
    const digits = token.replace(/[\s-]/g, '');
    if (!/^\d{20}$/.test(digits)) return { accepted: false, reason: 'BAD_FORMAT' };
    let d: ReturnType<typeof decodeToken>;
    try {
      d = decodeToken(this.decoderKey, digits);
    } catch {
      return { accepted: false, reason: 'BAD_FORMAT' };
    }
    // A token for another meter decrypts to noise: the CRC is what catches it.
    if (!d.crcOk) return { accepted: false, reason: 'REJECTED_CRC' };
    const management = d.class === 2 ? MANAGEMENT[d.subclass] : undefined;
    const credit = d.class === 0 && d.subclass === 0 && d.amountTenths !== undefined;
    if ((!credit && !management) || d.tid === undefined) return { accepted: false, reason: 'NOT_ELECTRICITY_CREDIT' };
    if (this.recentTids.includes(d.tid)) return { accepted: false, reason: 'USED' };
    if (this.recentTids.length >= TID_MEMORY && d.tid < Math.min(...this.recentTids)) return { accepted: false, reason: 'OLD' };
    this.recentTids.push(d.tid);
    if (this.recentTids.length > TID_MEMORY) this.recentTids.splice(this.recentTids.indexOf(Math.min(...this.recentTids)), 1);
    if (management) {
      if (management === 'clear_tamper') this.state.tamper = false;
      if (management === 'clear_credit') this.balanceTenths = 0;
      if (management === 'set_power_limit') this.state.amperageLimitA = Math.max(1, Math.floor((d.watts ?? 0) / NOMINAL_VOLTS));
      return { accepted: true, management, tid: d.tid, balanceTenths: this.balanceTenths };
    }
    if (d.amountTenths === undefined) return { accepted: false, reason: 'NOT_ELECTRICITY_CREDIT' };
    this.balanceTenths += d.amountTenths;
    this.entered.push({ token: digits, tid: d.tid, amountTenths: d.amountTenths, enteredAt: at.toISOString() });
    return { accepted: true, amountTenths: d.amountTenths, tid: d.tid, balanceTenths: this.balanceTenths };
  }

  /** Credit tokens entered (engineering tokens are not credit). */
  creditedTokens(): readonly EnteredToken[] {
    return [...this.entered];
  }
}

const MANAGEMENT: Record<number, 'clear_tamper' | 'clear_credit' | 'set_power_limit' | undefined> = {
  0: 'set_power_limit',
  1: 'clear_credit',
  5: 'clear_tamper',
};
