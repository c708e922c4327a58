// One simulated STS meter: the keys the vendor holds for it and the meter's own credit register.
// The meter "enters" a token as a real one does — decrypt with its decoder key, check the CRC,
// refuse a TID it has already used (or one older than everything it remembers) — so a test that
// passes here proves the token would load on the wall.
import { decodeToken, deriveDecoderKey, meterPan } from '../../main/sts';
import type { DemoStsMeter } from './demo-data';

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
  | { accepted: false; reason: 'BAD_FORMAT' | 'REJECTED_CRC' | 'NOT_ELECTRICITY_CREDIT' | 'USED' | 'OLD' };

export class SimStsMeter {
  readonly number: string;
  readonly decoderKey: string;
  readonly connection: DemoStsMeter['connection'];
  readonly baseDate: DemoStsMeter['keys']['baseDate'];
  /** Vendor side: the last TID issued for this meter, so the next one is strictly greater. */
  lastIssuedTid: number | null = null;
  /** Meter side: the kWh credit register, in 0.1 kWh. */
  balanceTenths: number;
  private readonly entered: EnteredToken[] = [];
  private readonly recentTids: number[] = [];

  constructor(data: DemoStsMeter) {
    const k = data.keys;
    this.number = data.number;
    this.connection = data.connection;
    this.baseDate = k.baseDate;
    this.balanceTenths = data.startingBalanceTenths;
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
    if (d.class !== 0 || d.subclass !== 0 || d.tid === undefined || d.amountTenths === undefined) {
      return { accepted: false, reason: 'NOT_ELECTRICITY_CREDIT' };
    }
    if (this.recentTids.includes(d.tid)) return { accepted: false, reason: 'USED' };
    if (this.recentTids.length >= TID_MEMORY && d.tid < Math.min(...this.recentTids)) return { accepted: false, reason: 'OLD' };
    this.recentTids.push(d.tid);
    if (this.recentTids.length > TID_MEMORY) this.recentTids.splice(this.recentTids.indexOf(Math.min(...this.recentTids)), 1);
    this.balanceTenths += d.amountTenths;
    this.entered.push({ token: digits, tid: d.tid, amountTenths: d.amountTenths, enteredAt: at.toISOString() });
    return { accepted: true, amountTenths: d.amountTenths, tid: d.tid, balanceTenths: this.balanceTenths };
  }

  creditedTokens(): readonly EnteredToken[] {
    return [...this.entered];
  }
}
