// A meter as the utility's server holds it: its key data (which can change at the server before
// the meter learns it), the last TID issued, arrears, FBE registration, and its vend history. Tokens
// are REAL, made with the project's STS engine, so a SimStsMeter loads them as a meter on the wall.
import { randomInt } from 'node:crypto';
import {
  clearCreditToken,
  clearTamperToken,
  creditToken,
  decodeToken,
  deriveDecoderKey,
  keyChangeTokens,
  maxPowerLimitToken,
  meterPan,
  nextTid,
  tidFromDate,
} from '../../../main/sts';
import type { DemoStsKeys } from '../demo-data';
import type { KeyData, MeterInfo, TokenIssue, VendAnswer } from './model';
import type { XmlVendMeter } from './options';

/** The key data a vend is made under; `vendingKey` and `keyType` may change too in a key change. */
export type ServerKey = DemoStsKeys;

/** Meter type of every demo meter: STS algorithm 07 (STA), token carrier 02 (numeric keypad). */
const METER_TYPE = { at: '07', tt: '02' };

export class ServerMeter {
  readonly msno: string;
  readonly record: XmlVendMeter;
  private key: ServerKey;
  private decoder: string;
  /** Key data the server moved the meter to; the next credit vend carries the key-change pair. */
  pendingKey: ServerKey | null = null;
  lastIssuedTid: number | null = null;
  debtMinor: number;
  fbeEligible: boolean;
  /** Calendar months (UTC "YYYY-MM") whose free basic electricity has been issued. */
  readonly fbeMonths = new Set<string>();
  lastPurchaseAt: Date | null = null;
  /** Credit vends, oldest first. */
  readonly vends: VendAnswer[] = [];

  constructor(record: XmlVendMeter) {
    this.msno = record.number;
    this.record = record;
    this.key = record.keys;
    this.decoder = decoderKeyFor(record.number, record.keys);
    this.debtMinor = record.debtMinor ?? 0;
    this.fbeEligible = record.fbeEligible ?? false;
  }

  get keyData(): KeyData {
    return { sgc: this.key.sgc, krn: this.key.krn, ti: this.key.ti };
  }

  info(key: KeyData = this.keyData): MeterInfo {
    return { msno: this.msno, ...key, ...METER_TYPE };
  }

  /** Flags the meter for a key change to `to` (what is not given stays as it is). */
  flagKeyChange(to: Partial<ServerKey>): void {
    const next = { ...this.key, ...to };
    decoderKeyFor(this.msno, next); // refuses key data the engine cannot use, now rather than at the vend
    this.pendingKey = next;
  }

  /**
   * The key-change pair from the key in force to the pending one, both encrypted with the old key;
   * from then on the server vends under the new key.
   */
  issueKeyChange(): { first: string; second: string; from: KeyData; to: KeyData } {
    const next = this.pendingKey;
    if (!next) throw new Error(`meter ${this.msno} has no key change pending`);
    const newDecoder = decoderKeyFor(this.msno, next);
    const [first, second] = keyChangeTokens({ decoderKey: this.decoder, newDecoderKey: newDecoder, ken: 255, krn: next.krn, rollover: false, keyType: next.keyType, ti: next.ti });
    const from = this.keyData;
    this.key = next;
    this.decoder = newDecoder;
    this.pendingKey = null;
    return { first, second, from, to: this.keyData };
  }

  /** A credit token for `tenths` under the key in force, with a TID above every one issued. */
  issueCredit(tenths: number, at: Date): TokenIssue {
    const tid = this.takeTid(at);
    const digits = creditToken({ decoderKey: this.decoder, subclass: 0, tid, rnd: randomInt(16), tenths });
    // Report what the token really carries: STS rounds amounts up to the next encodable value.
    return { digits, tenths: decodeToken(this.decoder, digits).amountTenths ?? tenths };
  }

  issueEngineering(kind: 'ClearCreditReq' | 'ClearTamperReq' | 'PwrLmtReq', watts: number, at: Date): string {
    const base = { decoderKey: this.decoder, tid: this.takeTid(at), rnd: randomInt(16) };
    if (kind === 'ClearCreditReq') return clearCreditToken({ ...base, register: 0 });
    if (kind === 'ClearTamperReq') return clearTamperToken(base);
    return maxPowerLimitToken({ ...base, watts });
  }

  private takeTid(at: Date): number {
    const tid = nextTid(this.lastIssuedTid, tidFromDate(at, this.key.baseDate));
    this.lastIssuedTid = tid;
    return tid;
  }
}

function decoderKeyFor(msno: string, k: ServerKey): string {
  return deriveDecoderKey({ dkga: k.dkga, vendingKey: k.vendingKey, keyType: k.keyType, sgc: k.sgc, ti: k.ti, krn: k.krn, pan: meterPan(msno), baseDate: k.baseDate, ea: k.ea });
}
