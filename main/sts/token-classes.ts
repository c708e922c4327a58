import { encodeAmount } from './amount';
import { encryptedToken, plainToken, tidBody } from './block';
import type { Ea } from './cipher';
import { checkInt, StsError } from './errors';
import { keyBytes, u64FromBytes } from './hex';
import { checkTid } from './tid';

/**
 * Builders for each token class. Every input is checked before any key is touched, and
 * every failure is an StsError with a message that names a field, never a key.
 */

// ---- class 0: transfer credit ------------------------------------------------------------
/** Subclasses of class 0: 0 electricity (0.1 kWh), 1 water (0.1 m³), 2 gas, 3 time, 4-7 currency. */
export interface CreditTokenInput {
  decoderKey: string;
  subclass: number;
  tid: number;
  rnd: number;
  tenths: number;
  ea?: Ea;
}

export function creditToken(i: CreditTokenInput): string {
  checkInt(i.subclass, 0, 7, 'credit subclass');
  checkInt(i.rnd, 0, 15, 'RND');
  checkTid(i.tid);
  const field = encodeAmount(i.tenths);
  return encryptedToken(0, tidBody(i.subclass, i.rnd, i.tid, field), i.decoderKey, i.ea);
}

// ---- class 2: management tokens that carry a TID ---------------------------------------------
export const MGMT = {
  setMaximumPowerLimit: 0,
  clearCredit: 1,
  setTariffRate: 2,
  clearTamper: 5,
  setMaximumPhasePowerUnbalanceLimit: 6,
  setWaterMeterFactor: 7,
} as const;
const TID_MGMT_SUBCLASSES: readonly number[] = Object.values(MGMT);

interface MgmtBase {
  decoderKey: string;
  tid: number;
  rnd: number;
  ea?: Ea;
}

/** Any TID-bearing class 2 token with a raw 16-bit field (the typed helpers below are preferred). */
export function managementToken(i: MgmtBase & { subclass: number; field: number }): string {
  if (!TID_MGMT_SUBCLASSES.includes(i.subclass)) {
    throw new StsError('BAD_INPUT', 'management subclass must be 0, 1, 2, 5, 6 or 7 (3 and 4 are key change)');
  }
  checkInt(i.rnd, 0, 15, 'RND');
  checkTid(i.tid);
  checkInt(i.field, 0, 0xffff, 'management field');
  return encryptedToken(2, tidBody(i.subclass, i.rnd, i.tid, i.field), i.decoderKey, i.ea);
}

/** Maximum power limit in watts, same 16-bit encoding as amounts (rounded up), not ×10. */
export function maxPowerLimitToken(i: MgmtBase & { watts: number }): string {
  return managementToken({ ...i, subclass: MGMT.setMaximumPowerLimit, field: encodeAmount(i.watts) });
}

/** Register: 0x0000 electricity … 0xFFFF all registers. */
export function clearCreditToken(i: MgmtBase & { register: number }): string {
  checkInt(i.register, 0, 0xffff, 'register');
  return managementToken({ ...i, subclass: MGMT.clearCredit, field: i.register });
}

/** The rate field is passed as the raw 16-bit value the meter's manufacturer specifies. */
export function setTariffRateToken(i: MgmtBase & { rate: number }): string {
  return managementToken({ ...i, subclass: MGMT.setTariffRate, field: i.rate });
}

export function clearTamperToken(i: MgmtBase): string {
  return managementToken({ ...i, subclass: MGMT.clearTamper, field: 0 });
}

/** Maximum phase power unbalance limit in watts (amount encoding, rounded up). */
export function maxPhaseUnbalanceToken(i: MgmtBase & { watts: number }): string {
  return managementToken({ ...i, subclass: MGMT.setMaximumPhasePowerUnbalanceLimit, field: encodeAmount(i.watts) });
}

/** Water meter factor as the raw 16-bit field. */
export function waterMeterFactorToken(i: MgmtBase & { factor: number }): string {
  return managementToken({ ...i, subclass: MGMT.setWaterMeterFactor, field: i.factor });
}

// ---- class 2 subclasses 3 and 4: key change --------------------------------------------------
export interface KeyChangeInput {
  /** The meter's current key: both tokens are encrypted with it. */
  decoderKey: string;
  newDecoderKey: string;
  /** Key expiry number (8 bits, 255 = no expiry); high nibble in token 1, low in token 2. */
  ken: number;
  /** KRN of the NEW key. */
  krn: number;
  /** Set for the TID-rollover key change (moving the meter to a new base date). */
  rollover: boolean;
  /** Key type of the NEW key. */
  keyType: number;
  /** Tariff index of the NEW key (2 digits). */
  ti: string | number;
}

function parseTi(ti: string | number): number {
  if (typeof ti === 'string') {
    if (!/^\d{1,2}$/.test(ti)) throw new StsError('BAD_INPUT', 'TI must be 2 digits');
    return Number(ti);
  }
  return checkInt(ti, 0, 99, 'TI');
}

/**
 * The two tokens that load a new EA07 key: sub 3 carries KENHO KRN RO RES KT and the new key's
 * bits 63..32, sub 4 carries KENLO TI and bits 31..0. No TID: they are accepted in order.
 */
export function keyChangeTokens(i: KeyChangeInput): [string, string] {
  checkInt(i.ken, 0, 255, 'KEN');
  checkInt(i.krn, 0, 15, 'KRN');
  checkInt(i.keyType, 0, 3, 'key type');
  if (typeof i.rollover !== 'boolean') throw new StsError('BAD_INPUT', 'rollover must be true or false');
  const ti = parseTi(i.ti);
  const nk = u64FromBytes(keyBytes(i.newDecoderKey, 8, 'new decoder key'));
  const ro = i.rollover ? 1 : 0;
  const first = {
    hi: ((3 << 28) | ((i.ken >>> 4) << 24) | (i.krn << 20) | (ro << 19) | (i.keyType << 16) | (nk.hi >>> 16)) >>> 0,
    lo: ((nk.hi & 0xffff) << 16) >>> 0,
  };
  const second = {
    hi: ((4 << 28) | ((i.ken & 15) << 24) | (ti << 16) | (nk.lo >>> 16)) >>> 0,
    lo: ((nk.lo & 0xffff) << 16) >>> 0,
  };
  return [encryptedToken(2, first, i.decoderKey, '07'), encryptedToken(2, second, i.decoderKey, '07')];
}

// ---- class 1: test / display tokens (not encrypted) ---------------------------------------
/** sub 0: CONTROL(36) MFR(8); sub 1: CONTROL(28) MFR(16). */
export interface TestTokenInput {
  subclass: 0 | 1;
  control: number;
  mfr: number;
}

export function testToken(i: TestTokenInput): string {
  if (i.subclass === 0) {
    checkInt(i.control, 0, 2 ** 36 - 1, 'control');
    checkInt(i.mfr, 0, 0xff, 'manufacturer code');
    const body = { hi: ((0 << 28) | Math.floor(i.control / 256)) >>> 0, lo: (((i.control % 256) << 24) | (i.mfr << 16)) >>> 0 };
    return plainToken(1, body);
  }
  if (i.subclass === 1) {
    checkInt(i.control, 0, 2 ** 28 - 1, 'control');
    checkInt(i.mfr, 0, 0xffff, 'manufacturer code');
    return plainToken(1, { hi: ((1 << 28) | i.control) >>> 0, lo: (i.mfr << 16) >>> 0 });
  }
  throw new StsError('BAD_INPUT', 'test token subclass must be 0 or 1');
}
