import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AMOUNT_MAX,
  creditToken,
  decodeAmount,
  decodeToken,
  encodeAmount,
  keyChangeTokens,
  managementToken,
  testToken,
  TID_MAX,
  StsError,
} from '../../../main/sts';

// Fixed seed: a failure is reproducible, and the CRC statistics below are deterministic.
const SEED = 62055;
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const key07 = fc.uint8Array({ minLength: 8, maxLength: 8 }).map(hex);
const key11 = fc.uint8Array({ minLength: 16, maxLength: 16 }).map(hex);
const tid = fc.integer({ min: 0, max: TID_MAX });
const rnd = fc.integer({ min: 0, max: 15 });
const subclass = fc.integer({ min: 0, max: 7 });
const tenths = fc.integer({ min: 0, max: AMOUNT_MAX });

describe('round trips', () => {
  it('credit: decode(encode(x)) = x, amount rounded up, 20 digits (EA07)', () => {
    fc.assert(
      fc.property(key07, subclass, tid, rnd, tenths, (decoderKey, sub, t, r, a) => {
        const token = creditToken({ decoderKey, subclass: sub, tid: t, rnd: r, tenths: a });
        expect(token).toMatch(/^\d{20}$/);
        const d = decodeToken(decoderKey, token);
        expect(d).toMatchObject({ class: 0, subclass: sub, tid: t, rnd: r, field: encodeAmount(a), crcOk: true });
        expect(d.amountTenths).toBeGreaterThanOrEqual(a);
        expect(encodeAmount(d.amountTenths!)).toBe(d.field);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('credit: representable amounts come back exactly (EA07 and EA11)', () => {
    fc.assert(
      fc.property(key07, key11, tid, fc.integer({ min: 0, max: 0xffff }), (k7, k11, t, field) => {
        const a = decodeAmount(field);
        const d7 = decodeToken(k7, creditToken({ decoderKey: k7, subclass: 0, tid: t, rnd: 1, tenths: a }));
        const d11 = decodeToken(k11, creditToken({ decoderKey: k11, subclass: 0, tid: t, rnd: 1, tenths: a, ea: '11' }), '11');
        expect(d7.amountTenths).toBe(a);
        expect(d11).toMatchObject({ amountTenths: a, tid: t, crcOk: true });
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('management tokens with a TID round-trip', () => {
    fc.assert(
      fc.property(key07, fc.constantFrom(0, 1, 2, 5, 6, 7), tid, rnd, fc.integer({ min: 0, max: 0xffff }), (decoderKey, sub, t, r, field) => {
        const token = managementToken({ decoderKey, subclass: sub, tid: t, rnd: r, field });
        expect(decodeToken(decoderKey, token)).toMatchObject({ class: 2, subclass: sub, tid: t, rnd: r, field, crcOk: true });
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('key change tokens carry the new key', () => {
    fc.assert(
      fc.property(key07, key07, fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 15 }), fc.boolean(), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 99 }),
        (oldKey, newKey, ken, krn, rollover, keyType, ti) => {
          const [a, b] = keyChangeTokens({ decoderKey: oldKey, newDecoderKey: newKey, ken, krn, rollover, keyType, ti });
          const da = decodeToken(oldKey, a);
          const db = decodeToken(oldKey, b);
          expect(da).toMatchObject({ class: 2, subclass: 3, kenho: ken >> 4, krn, rollover, keyType, crcOk: true });
          expect(db).toMatchObject({ class: 2, subclass: 4, kenlo: ken & 15, ti, crcOk: true });
          expect(da.newKeyHigh! + db.newKeyLow!).toBe(newKey);
        }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('test tokens round-trip', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 36 - 1 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 2 ** 28 - 1 }), fc.integer({ min: 0, max: 0xffff }), (c0, m0, c1, m1) => {
        expect(decodeToken('', testToken({ subclass: 0, control: c0, mfr: m0 }))).toMatchObject({ class: 1, subclass: 0, control: c0, mfr: m0, crcOk: true });
        expect(decodeToken('', testToken({ subclass: 1, control: c1, mfr: m1 }))).toMatchObject({ class: 1, subclass: 1, control: c1, mfr: m1, crcOk: true });
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

/** Every token obtained by changing exactly one digit of `token`. */
function mutations(token: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < 20; i++) for (let d = 0; d < 10; d++) if (String(d) !== token[i]) out.push(token.slice(0, i) + d + token.slice(i + 1));
  return out;
}

describe('a mistyped digit is caught', () => {
  /*
   * A changed digit changes the 66-bit number. If only the class bits change, the CRC (which
   * covers the class) always catches it. Otherwise the meter decrypts a different cipher block,
   * which looks random, so a 16-bit CRC still matches with probability 2^-16: the guarantee is
   * statistical, not absolute. We check that the accepted share stays under that bound, and that
   * an accepted mutation never decodes as the original token.
   */
  it('single-digit changes fail the CRC (or are not tokens at all), bar the 2^-16 CRC chance', () => {
    let total = 0;
    let accepted = 0;
    fc.assert(
      fc.property(key07, subclass, tid, rnd, tenths, (decoderKey, sub, t, r, a) => {
        const token = creditToken({ decoderKey, subclass: sub, tid: t, rnd: r, tenths: a });
        const original = decodeToken(decoderKey, token);
        for (const m of mutations(token)) {
          total++;
          let d;
          try {
            d = decodeToken(decoderKey, m);
          } catch (e) {
            expect((e as StsError).code).toBe('BAD_TOKEN'); // 2^66 or more: not a token
            continue;
          }
          if (d.crcOk) {
            accepted++;
            expect(d.dataBlock).not.toBe(original.dataBlock);
          } else if (d.class !== 0) {
            expect(d.crcOk).toBe(false); // a different class is refused as well
          }
        }
      }),
      { seed: SEED, numRuns: 200 },
    );
    expect(total).toBe(200 * 180);
    // expected about total·2^-16 ≈ 0.5; more than 4 would mean the check is weaker than a CRC-16
    expect(accepted).toBeLessThanOrEqual(4);
  });

  it('changing only the class bits is always caught (the CRC covers the class)', () => {
    fc.assert(
      fc.property(key07, tid, tenths, fc.integer({ min: 1, max: 3 }), (decoderKey, t, a, delta) => {
        const token = creditToken({ decoderKey, subclass: 0, tid: t, rnd: 0, tenths: a });
        const n = BigInt(token) ^ (BigInt(delta) << 27n); // class 0 -> 1, 2 or 3
        const d = decodeToken(decoderKey, n.toString().padStart(20, '0'));
        expect(d.class).toBe(delta);
        expect(d.crcOk).toBe(false);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
