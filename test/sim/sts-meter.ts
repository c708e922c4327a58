// One simulated STS meter: the keys the vendor holds for it and the meter's own credit register.
// The meter "enters" a token as a real one does — decrypt with its decoder key, check the CRC,
// refuse a TID it has already used (or one older than everything it remembers), load a new key
// from a key-change pair typed in order — so a test that passes here proves the token would load
// on the wall.
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
  /** Half of a key-change pair (class 2 subclass 3 then 4): the new key is in force after the second. */
  | { accepted: true; keyChange: 'first' | 'second'; balanceTenths: number }
  /** KEY_CHANGE_ORDER: the second key-change token without the first just before it. */
  | { accepted: false; reason: 'BAD_FORMAT' | 'REJECTED_CRC' | 'NOT_ELECTRICITY_CREDIT' | 'USED' | 'OLD' | 'KEY_CHANGE_ORDER' };

/** Amperes a power limit allows at the nominal 230 V. */
const NOMINAL_VOLTS = 230;

/** The first token of a key-change pair, held until the second arrives. */
interface HalfKey {
  keyType: number;
  krn: number;
  rollover: boolean;
  newKeyHigh: string;
}

export class SimStsMeter {
  readonly number: string;
  readonly connection: DemoStsMeter['connection'];
  readonly baseDate: DemoStsMeter['keys']['baseDate'];
  /** Vendor side: the last TID issued for this meter, so the next one is strictly greater. */
  lastIssuedTid: number | null = null;
  /** Meter side: relay, link, load, registers; consumed over simulated time by the world. */
  readonly state: SimMeterState;
  private readonly entered: EnteredToken[] = [];
  private readonly recentTids: number[] = [];
  private key: string;
  private halfKey: HalfKey | null = null;
  private held: { keyType: number; krn: number; ti: string };

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
    this.held = { keyType: k.keyType, krn: k.krn, ti: k.ti };
    this.key = deriveDecoderKey({
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

  /** The decoder key the meter decrypts with: the vendor's for this meter until a key change loads another. */
  get decoderKey(): string {
    return this.key;
  }

  /** The key type, KRN and TI the meter holds now. */
  get keyData(): { keyType: number; krn: number; ti: string } {
    return { ...this.held };
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
    if (d.class === 2 && (d.subclass === 3 || d.subclass === 4)) return this.keyChange(d);
    // Anything else between the two halves of a key change abandons it, as on a real keypad.
    this.halfKey = null;
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

  /**
   * A key-change pair carries no TID: the first half (subclass 3) is held, the second (subclass 4)
   * completes the new key, both encrypted with the key in force. A TID-rollover change (RO set)
   * moves the meter to a new base date, so the TIDs it remembers no longer apply.
   */
  private keyChange(d: ReturnType<typeof decodeToken>): TokenEntry {
    if (d.subclass === 3) {
      this.halfKey = { keyType: d.keyType ?? 0, krn: d.krn ?? 0, rollover: d.rollover ?? false, newKeyHigh: d.newKeyHigh ?? '' };
      return { accepted: true, keyChange: 'first', balanceTenths: this.balanceTenths };
    }
    const half = this.halfKey;
    this.halfKey = null;
    if (!half) return { accepted: false, reason: 'KEY_CHANGE_ORDER' };
    this.key = half.newKeyHigh + (d.newKeyLow ?? '');
    this.held = { keyType: half.keyType, krn: half.krn, ti: String(d.ti ?? 0).padStart(2, '0') };
    if (half.rollover) this.recentTids.length = 0;
    return { accepted: true, keyChange: 'second', balanceTenths: this.balanceTenths };
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
