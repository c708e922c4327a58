import { describe, expect, it } from 'vitest';
import {
  clearCreditToken,
  clearTamperToken,
  creditToken,
  decodeToken,
  deriveDecoderKey,
  keyChangeTokens,
  luhnDigit,
  meterPan,
  managementToken,
  maxPhaseUnbalanceToken,
  maxPowerLimitToken,
  setTariffRateToken,
  StsError,
  testToken,
  waterMeterFactorToken,
  type KeyParams,
} from '../../../main/sts';

const KEY = 'e653341f9d5bf36f'; // CTSA01
const KEY11 = '00112233445566778899aabbccddeeff';
const code = (c: string) => expect.objectContaining({ code: c });
const base = { decoderKey: KEY, tid: 123456, rnd: 7 };

describe('class 0 credit', () => {
  it.each([0, 1, 2, 3, 4, 5, 6, 7])('subclass %i round-trips', (subclass) => {
    const t = creditToken({ ...base, subclass, tenths: 125 });
    expect(t).toMatch(/^\d{20}$/);
    expect(decodeToken(KEY, t)).toMatchObject({ class: 0, subclass, rnd: 7, tid: 123456, field: 125, amountTenths: 125, crcOk: true });
  });
  it('refuses bad inputs before touching the key', () => {
    expect(() => creditToken({ ...base, subclass: 8, tenths: 1 })).toThrow(code('BAD_INPUT'));
    expect(() => creditToken({ ...base, subclass: 0, rnd: 16, tenths: 1 })).toThrow(code('BAD_INPUT'));
    expect(() => creditToken({ ...base, subclass: 0, tid: 2 ** 24, tenths: 1 })).toThrow(code('TID_OVERFLOW'));
    expect(() => creditToken({ ...base, subclass: 0, tenths: 2e7 })).toThrow(code('AMOUNT_RANGE'));
    expect(() => creditToken({ ...base, decoderKey: 'e653', subclass: 0, tenths: 1 })).toThrow(code('BAD_KEY'));
  });
  it('the wrong key gives crcOk false', () => {
    const t = creditToken({ ...base, subclass: 0, tenths: 125 });
    expect(decodeToken('0123456789abcdef', t).crcOk).toBe(false);
  });
});

describe('class 2 management', () => {
  it('max power limit (watts, amount encoding rounded up)', () => {
    const t = maxPowerLimitToken({ ...base, watts: 5000 });
    expect(decodeToken(KEY, t)).toMatchObject({ class: 2, subclass: 0, tid: 123456, watts: 5000, crcOk: true });
    expect(decodeToken(KEY, maxPowerLimitToken({ ...base, watts: 20001 })).watts).toBe(20004);
  });
  it('clear credit, set tariff rate, clear tamper, phase unbalance, water meter factor', () => {
    expect(decodeToken(KEY, clearCreditToken({ ...base, register: 0xffff }))).toMatchObject({ subclass: 1, register: 0xffff, crcOk: true });
    expect(decodeToken(KEY, setTariffRateToken({ ...base, rate: 1234 }))).toMatchObject({ subclass: 2, field: 1234, crcOk: true });
    expect(decodeToken(KEY, clearTamperToken(base))).toMatchObject({ subclass: 5, field: 0, crcOk: true });
    expect(decodeToken(KEY, maxPhaseUnbalanceToken({ ...base, watts: 300 }))).toMatchObject({ subclass: 6, watts: 300, crcOk: true });
    expect(decodeToken(KEY, waterMeterFactorToken({ ...base, factor: 77 }))).toMatchObject({ subclass: 7, field: 77, crcOk: true });
  });
  it('refuses key-change subclasses and out-of-range fields through the generic builder', () => {
    expect(() => managementToken({ ...base, subclass: 3, field: 0 })).toThrow(code('BAD_INPUT'));
    expect(() => managementToken({ ...base, subclass: 0, field: 0x10000 })).toThrow(code('BAD_INPUT'));
    expect(() => clearCreditToken({ ...base, register: -1 })).toThrow(code('BAD_INPUT'));
  });
});

describe('key change (class 2 sub 3 and 4)', () => {
  const NEW = '060b8643c59a27f1';
  it('carries the new key, encrypted with the old one, and the rollover bit', () => {
    for (const rollover of [false, true]) {
      const [a, b] = keyChangeTokens({ decoderKey: KEY, newDecoderKey: NEW, ken: 0xa5, krn: 2, rollover, keyType: 2, ti: '07' });
      expect(decodeToken(KEY, a)).toMatchObject({
        class: 2, subclass: 3, kenho: 0xa, krn: 2, rollover, res: 0, keyType: 2, newKeyHigh: '060b8643', crcOk: true,
      });
      expect(decodeToken(KEY, b)).toMatchObject({ class: 2, subclass: 4, kenlo: 5, ti: 7, newKeyLow: 'c59a27f1', crcOk: true });
      expect(decodeToken(NEW, a).crcOk).toBe(false); // not readable with the new key
    }
  });
  it('the rollover bit changes the first token only', () => {
    const p = { decoderKey: KEY, newDecoderKey: NEW, ken: 255, krn: 1, keyType: 2, ti: '02' };
    const off = keyChangeTokens({ ...p, rollover: false });
    const on = keyChangeTokens({ ...p, rollover: true });
    expect(on[0]).not.toBe(off[0]);
    expect(on[1]).toBe(off[1]);
  });
  it('refuses bad inputs', () => {
    const p = { decoderKey: KEY, newDecoderKey: NEW, ken: 255, krn: 1, rollover: false, keyType: 2, ti: '02' };
    expect(() => keyChangeTokens({ ...p, ken: 256 })).toThrow(code('BAD_INPUT'));
    expect(() => keyChangeTokens({ ...p, ti: '123' })).toThrow(code('BAD_INPUT'));
    expect(() => keyChangeTokens({ ...p, newDecoderKey: 'xyz' })).toThrow(code('BAD_KEY'));
  });
});

describe('class 1 test tokens (not encrypted)', () => {
  it('round-trip without a key', () => {
    expect(decodeToken('', testToken({ subclass: 0, control: 1, mfr: 4 }))).toMatchObject({ class: 1, subclass: 0, control: 1, mfr: 4, crcOk: true });
    expect(decodeToken('', testToken({ subclass: 0, control: 2 ** 36 - 1, mfr: 255 }))).toMatchObject({ control: 2 ** 36 - 1, mfr: 255 });
    expect(decodeToken('', testToken({ subclass: 1, control: 2 ** 28 - 1, mfr: 0xffff }))).toMatchObject({ subclass: 1, control: 2 ** 28 - 1, mfr: 0xffff, crcOk: true });
  });
  it('refuses out-of-range fields', () => {
    expect(() => testToken({ subclass: 0, control: 2 ** 36, mfr: 0 })).toThrow(code('BAD_INPUT'));
    expect(() => testToken({ subclass: 1, control: 0, mfr: 0x10000 })).toThrow(code('BAD_INPUT'));
    expect(() => testToken({ subclass: 2 as 0, control: 0, mfr: 0 })).toThrow(code('BAD_INPUT'));
  });
});

describe('EA11 (MISTY1)', () => {
  it('credit and management tokens round-trip with a 128-bit key', () => {
    const t = creditToken({ ...base, decoderKey: KEY11, subclass: 0, tenths: 999, ea: '11' });
    expect(decodeToken(KEY11, t, '11')).toMatchObject({ class: 0, amountTenths: 999, tid: 123456, crcOk: true });
    expect(decodeToken(KEY11, clearTamperToken({ ...base, decoderKey: KEY11, ea: '11' }), '11').crcOk).toBe(true);
    expect(() => creditToken({ ...base, decoderKey: KEY, subclass: 0, tenths: 1, ea: '11' })).toThrow(code('BAD_KEY'));
  });
  it('differs from EA07 for the same data', () => {
    const t = creditToken({ ...base, decoderKey: KEY11, subclass: 0, tenths: 999, ea: '11' });
    expect(decodeToken(KEY11.slice(0, 16), t, '07').crcOk).toBe(false);
  });
});

describe('decoder key derivation', () => {
  const p: KeyParams = { dkga: '02', vendingKey: 'abababababababab', keyType: 2, sgc: '123456', ti: '01', krn: 1, pan: '600727000000000009' };
  it('CTSA01 (DKGA02)', () => expect(deriveDecoderKey(p)).toBe('e653341f9d5bf36f'));
  it('a common key (type 3) ignores the meter digits', () => {
    const a = deriveDecoderKey({ ...p, keyType: 3 });
    expect(deriveDecoderKey({ ...p, keyType: 3, pan: meterPan('0412345678' + luhnDigit('0412345678')) })).toBe(a);
    expect(a).not.toBe(deriveDecoderKey(p));
  });
  it('DKGA04 gives a 16-digit EA07 key and a 32-digit EA11 key', () => {
    const q: KeyParams = { ...p, dkga: '04', vendingKey: 'abababababababab949494949494949401234567', sgc: '123457', baseDate: 1993 };
    expect(deriveDecoderKey(q)).toBe('aa4baa8749c10d27'); // CTSA25
    expect(deriveDecoderKey({ ...q, ea: '11' })).toMatch(/^[0-9a-f]{32}$/);
    expect(() => deriveDecoderKey({ ...q, baseDate: undefined })).toThrow(code('BAD_INPUT'));
  });
  it('refuses bad parameters', () => {
    expect(() => deriveDecoderKey({ ...p, pan: '600727000000000008' })).toThrow(code('BAD_CHECK_DIGIT'));
    expect(() => deriveDecoderKey({ ...p, sgc: '12345' })).toThrow(code('BAD_INPUT'));
    expect(() => deriveDecoderKey({ ...p, ti: '1' })).toThrow(code('BAD_INPUT'));
    expect(() => deriveDecoderKey({ ...p, krn: 10 })).toThrow(code('BAD_INPUT'));
    expect(() => deriveDecoderKey({ ...p, ea: '11' })).toThrow(code('UNSUPPORTED'));
    expect(() => deriveDecoderKey({ ...p, dkga: '03' as '02' })).toThrow(code('BAD_INPUT'));
  });
});

describe('secrets stay out of errors', () => {
  const SECRET = 'deadbeefcafef00d1234';
  const attempts: (() => unknown)[] = [
    () => deriveDecoderKey({ dkga: '02', vendingKey: SECRET, keyType: 2, sgc: '123456', ti: '01', krn: 1, pan: '600727000000000009' }),
    () => deriveDecoderKey({ dkga: '02', vendingKey: SECRET.slice(0, 15) + 'z', keyType: 2, sgc: '123456', ti: '01', krn: 1, pan: '600727000000000009' }),
    () => creditToken({ decoderKey: SECRET, subclass: 0, tid: 1, rnd: 1, tenths: 1 }),
    () => decodeToken(SECRET, '29054347139309851356'),
    () => keyChangeTokens({ decoderKey: KEY, newDecoderKey: SECRET, ken: 1, krn: 1, rollover: false, keyType: 2, ti: '01' }),
  ];
  it.each(attempts.map((f, i) => [i, f] as const))('attempt %i throws an StsError that does not echo the key', (_i, f) => {
    let err: unknown;
    try {
      f();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(StsError);
    const e = err as StsError;
    expect(e.code).toBe('BAD_KEY');
    const text = `${e.message} ${e.stack ?? ''} ${JSON.stringify(e)}`.toLowerCase();
    for (let n = 0; n + 8 <= SECRET.length; n++) expect(text).not.toContain(SECRET.slice(n, n + 8));
  });
});

describe('decoder key schedule cache', () => {
  it('gives the same tokens after the cache has cycled through many keys', () => {
    const first = creditToken({ ...base, subclass: 0, tenths: 5 });
    for (let n = 0; n < 40; n++) creditToken({ ...base, decoderKey: n.toString(16).padStart(16, '0'), subclass: 0, tenths: 5 });
    expect(creditToken({ ...base, subclass: 0, tenths: 5 })).toBe(first);
    expect(creditToken({ ...base, decoderKey: KEY.toUpperCase(), subclass: 0, tenths: 5 })).toBe(first);
  });
});

describe('decodeToken input checks', () => {
  it('refuses non-tokens', () => {
    expect(() => decodeToken(KEY, '1234')).toThrow(code('BAD_TOKEN'));
    expect(() => decodeToken(KEY, 12345 as unknown as string)).toThrow(code('BAD_TOKEN'));
    expect(() => decodeToken(KEY, '99999999999999999999')).toThrow(code('BAD_TOKEN'));
  });
  it('accepts the grouped form printed on receipts', () => {
    expect(decodeToken('0abc12def3456789', '2905 4347 1393 0985 1356')).toMatchObject({ amountTenths: 256, tid: 1698595, rnd: 11, crcOk: true });
  });
});
