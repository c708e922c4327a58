import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  clearCreditToken,
  clearTamperToken,
  creditToken,
  decodeAmount,
  decodeToken,
  deriveDecoderKey,
  encodeAmount,
  keyChangeTokens,
  maxPowerLimitToken,
  testToken,
  tidFromDate,
  type BaseDate,
  type KeyParams,
} from '../../../main/sts';

/**
 * Every STS 531-1-0 (CTSA) vector in /work/shared/sts/ctsa-vectors.json becomes a test case.
 * Each kind has a handler; a kind without one is listed as a todo (none are left today), so a
 * new vector can never be skipped silently.
 */
interface Vector {
  source: string;
  kind: string;
  inputs: Record<string, string | number | null>;
  decoder_key_natural: string | null;
  token: string;
}

// A copy lives beside the tests so CI does not depend on the shared folder; when the shared
// original is present, the copy must be identical to it.
const FIXTURE = join(__dirname, 'fixtures', 'ctsa-vectors.json');
const SHARED = join(__dirname, '..', '..', '..', '..', 'shared', 'sts', 'ctsa-vectors.json');
const VECTORS = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Vector[];

const str = (v: unknown): string => String(v);
const num = (v: unknown): number => Number(v);

/** "dd/mm/yyyy hh:mm:ss", UTC */
function parseVectorDate(s: string): Date {
  const m = /^(\d\d)\/(\d\d)\/(\d{4}) (\d\d):(\d\d):(\d\d)$/.exec(s);
  if (!m) throw new Error(`bad date ${s}`);
  return new Date(Date.UTC(+m[3]!, +m[2]! - 1, +m[1]!, +m[4]!, +m[5]!, +m[6]!));
}

function keyFor(v: Vector, ti = v.inputs.ti): string {
  const i = v.inputs;
  if (!i.dkga) return v.decoder_key_natural!;
  const p: KeyParams = {
    dkga: str(i.dkga) as '02' | '04',
    vendingKey: str(i.vending_key),
    keyType: num(i.key_type),
    sgc: str(i.sgc),
    ti: str(ti).padStart(2, '0'),
    krn: num(i.krn),
    pan: str(i.meter_pan),
    baseDate: num(i.base_date ?? 1993) as BaseDate,
    ea: str(i.ea ?? '07') as '07' | '11',
  };
  const key = deriveDecoderKey(p);
  expect(key).toBe(v.decoder_key_natural);
  return key;
}

/** TID from the vector's date must equal the vector's TID. */
function tidFor(v: Vector): number {
  const i = v.inputs;
  const tid = tidFromDate(parseVectorDate(str(i.datetime)), num(i.base_date ?? 1993) as BaseDate);
  expect(tid).toBe(num(i.tid));
  return tid;
}

type Handler = (v: Vector) => void;

const credit: Handler = (v) => {
  const i = v.inputs;
  const key = keyFor(v);
  const tid = tidFor(v);
  const subclass = Number(/class0 sub(\d)/.exec(v.kind)![1]);
  if (i.amount_field != null) expect(encodeAmount(num(i.amount_tenths))).toBe(parseInt(str(i.amount_field), 16));
  expect(creditToken({ decoderKey: key, subclass, tid, rnd: num(i.rnd), tenths: num(i.amount_tenths) })).toBe(v.token);
  const d = decodeToken(key, v.token);
  expect(d).toMatchObject({ class: 0, subclass, rnd: num(i.rnd), tid, crcOk: true });
  // the meter credits the rounded-up amount, never less than asked
  expect(d.field).toBe(encodeAmount(num(i.amount_tenths)));
  expect(d.amountTenths).toBe(decodeAmount(d.field!));
  expect(d.amountTenths).toBeGreaterThanOrEqual(num(i.amount_tenths));
  if (i.data_block != null) expect(d.dataBlock).toBe(i.data_block);
};

const mpl: Handler = (v) => {
  const i = v.inputs;
  const key = keyFor(v);
  const tid = tidFor(v);
  if (i.mpl_field != null) expect(encodeAmount(num(i.mpl_watts))).toBe(parseInt(str(i.mpl_field), 16));
  expect(maxPowerLimitToken({ decoderKey: key, tid, rnd: num(i.rnd), watts: num(i.mpl_watts) })).toBe(v.token);
  expect(decodeToken(key, v.token)).toMatchObject({ class: 2, subclass: 0, tid, crcOk: true });
};

const clearCredit: Handler = (v) => {
  const i = v.inputs;
  const key = keyFor(v);
  const tid = tidFor(v);
  const register = parseInt(str(i.register), 16);
  expect(clearCreditToken({ decoderKey: key, tid, rnd: num(i.rnd), register })).toBe(v.token);
  expect(decodeToken(key, v.token)).toMatchObject({ class: 2, subclass: 1, tid, register, crcOk: true });
};

const clearTamper: Handler = (v) => {
  const key = keyFor(v);
  const tid = tidFor(v);
  expect(clearTamperToken({ decoderKey: key, tid, rnd: num(v.inputs.rnd) })).toBe(v.token);
  expect(decodeToken(key, v.token)).toMatchObject({ class: 2, subclass: 5, tid, field: 0, crcOk: true });
};

const test: Handler = (v) => {
  const subclass = Number(/class1 sub(\d)/.exec(v.kind)![1]) as 0 | 1;
  const control = parseInt(str(v.inputs.control), 2);
  const mfr = parseInt(str(v.inputs.mfr_code), 16);
  expect(testToken({ subclass, control, mfr })).toBe(v.token);
  // class 1 is not encrypted: any key (even none) decodes it
  expect(decodeToken('', v.token)).toMatchObject({ class: 1, subclass, control, mfr, crcOk: true });
};

const keyChange: Handler = (v) => {
  const i = v.inputs;
  const oldKey = keyFor(v, i.old_ti);
  const [first, second] = keyChangeTokens({
    decoderKey: oldKey,
    newDecoderKey: str(i.new_key_natural),
    ken: num(i.ken),
    krn: num(i.krn),
    rollover: i.ro === 1,
    keyType: num(i.kt ?? i.key_type),
    ti: str(i.new_ti),
  });
  const nk = str(i.new_key_natural);
  if (v.kind.startsWith('class2 sub3')) {
    expect(first).toBe(v.token);
    expect(decodeToken(oldKey, v.token)).toMatchObject({
      class: 2, subclass: 3, kenho: num(i.kenho), krn: num(i.krn), rollover: false, res: num(i.res), keyType: num(i.kt),
      newKeyHigh: nk.slice(0, 8), crcOk: true,
    });
  } else {
    expect(second).toBe(v.token);
    expect(decodeToken(oldKey, v.token)).toMatchObject({
      class: 2, subclass: 4, kenlo: num(i.kenlo), ti: Number(i.new_ti), newKeyLow: nk.slice(8), crcOk: true,
    });
  }
};

function handlerFor(kind: string): Handler | undefined {
  if (/class0 sub\d/.test(kind)) return credit;
  if (kind.startsWith('class2 sub0 MPL')) return mpl;
  if (kind.startsWith('class2 sub1 ClearCredit')) return clearCredit;
  if (kind.startsWith('class2 sub5 ClearTamper')) return clearTamper;
  if (kind.startsWith('class1 sub')) return test;
  if (kind.startsWith('class2 sub3') || kind.startsWith('class2 sub4')) return keyChange;
  return undefined;
}

describe('CTSA compliance vectors', () => {
  it('the vector file is there and not empty', () => expect(VECTORS.length).toBeGreaterThanOrEqual(65));
  it.skipIf(!existsSync(SHARED))('the fixture is the same as the shared original', () => {
    expect(readFileSync(FIXTURE, 'utf8')).toBe(readFileSync(SHARED, 'utf8'));
  });
  VECTORS.forEach((v, n) => {
    const name = `#${n} ${v.kind} -> ${v.token}`;
    const h = handlerFor(v.kind);
    if (h) it(name, () => h(v));
    else it.todo(name);
  });
});
