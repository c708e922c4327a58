// The key check value shown for a vending key, and what a key must be to go in.
import { createCipheriv } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyCheckValue } from '../../../main/keys';
import { checkNewKey } from '../../../main/keys/key-rules';
import { AppError } from '../../../main/common/errors';

const TEST_KEY = 'abababababababab'; // the STS Association's public test vending key (CTSA)
const ATTRS = { sgc: '123456', krn: 1, keyType: 2, baseDate: 2014, ea: '07', dkga: '02', expiresAt: null } as const;

/** TDES-EDE of a zero block with Node's OpenSSL (default provider), as HSMs compute a KCV. */
function tdesKcv(k1k2: string): string {
  const c = createCipheriv('des-ede-ecb', Buffer.from(k1k2, 'hex'), null);
  c.setAutoPadding(false);
  return Buffer.concat([c.update(Buffer.alloc(8)), c.final()]).toString('hex').slice(0, 6).toUpperCase();
}

describe('key check value', () => {
  it('of the STS test key is C33F45: DES of a zero block, first three bytes', () => {
    // Cross-checked with OpenSSL's own DES (legacy provider):
    //   head -c 8 /dev/zero | openssl enc -des-ecb -provider legacy -provider default -K abababababababab -nopad | xxd -p
    //   -> c33f4517dd950a2e
    expect(keyCheckValue(TEST_KEY)).toBe('C33F45');
    expect(keyCheckValue(TEST_KEY.toUpperCase())).toBe('C33F45');
  });

  it('of a single DES key equals the TDES KCV with K1 = K2, so both key lengths follow one rule', () => {
    // FIPS 81's DES example key: DES_K(0) = d5d44ff720683d0d (also in STS.md).
    expect(keyCheckValue('0123456789abcdef')).toBe('D5D44F');
    for (const k of [TEST_KEY, '0123456789abcdef', '133457799bbcdff1']) expect(keyCheckValue(k)).toBe(tdesKcv(k + k));
  });

  it('of a double-length key is TDES-EDE (K1, K2, K1) of a zero block', () => {
    const k = 'abababababababab0123456789abcdef';
    // OpenSSL: head -c 8 /dev/zero | openssl enc -des-ede-ecb -K abababababababab0123456789abcdef -nopad | xxd -p -> d97cde532695e8ac
    expect(keyCheckValue(k)).toBe('D97CDE');
    expect(keyCheckValue(k)).toBe(tdesKcv(k));
  });

  it('refuses anything but 16 or 32 hex digits, without repeating it', () => {
    for (const bad of ['', 'abab', 'zzzzzzzzzzzzzzzz', `${TEST_KEY}ab`]) {
      expect(() => keyCheckValue(bad)).toThrow(/16 or 32 hex digits/);
    }
  });
});

describe('a new key', () => {
  const today = '2026-03-14';
  const refusal = (f: () => unknown): AppError => {
    try { f(); } catch (e) { if (e instanceof AppError) return e; throw e; }
    throw new Error('not refused');
  };

  it('is returned in lower case when typed twice alike (spaces and case do not matter)', () => {
    expect(checkNewKey(ATTRS, 'ABAB ABAB ABAB ABAB', 'abababababababab', today)).toBe(TEST_KEY);
    expect(checkNewKey(ATTRS, TEST_KEY, null, today, 'c33f45')).toBe(TEST_KEY);
  });

  it('is refused bilingually, never echoing the key: mismatch, bad hex, weak, wrong length for DKGA02, expired, wrong KCV', () => {
    const cases: [() => unknown, RegExp][] = [
      [() => checkNewKey(ATTRS, TEST_KEY, 'abababababababac', today), /not the same/],
      [() => checkNewKey(ATTRS, 'abababababababaZ', 'abababababababaZ', today), /16 or 32 hexadecimal/],
      [() => checkNewKey(ATTRS, '0000000000000000', '0000000000000000', today), /weak key/],
      [() => checkNewKey(ATTRS, '0101010101010101', null, today), /weak key/], // DES weak key (parity set)
      [() => checkNewKey(ATTRS, '01fe01fe01fe01fe', null, today), /weak key/], // semi-weak
      [() => checkNewKey({ ...ATTRS, dkga: '04' }, TEST_KEY + TEST_KEY, null, today), /weak key/], // equal halves
      [() => checkNewKey(ATTRS, `${TEST_KEY}0123456789abcdef`, null, today), /DKGA02 .* 16 hex/],
      [() => checkNewKey({ ...ATTRS, ea: '11' }, TEST_KEY, null, today), /EA07 decoder keys only/],
      [() => checkNewKey({ ...ATTRS, expiresAt: '2026-03-13' }, TEST_KEY, null, today), /expiry date 2026-03-13/],
      [() => checkNewKey(ATTRS, TEST_KEY, null, today, 'C33F46'), /check value is C33F45, not C33F46/],
    ];
    for (const [f, en] of cases) {
      const e = refusal(f);
      expect(e.code).toBe('BAD_INPUT');
      expect(e.bilingual.en).toMatch(en);
      expect(e.bilingual.ar).toMatch(/[\u0600-\u06FF]/);
      expect(`${e.bilingual.en} ${e.bilingual.ar}`).not.toContain(TEST_KEY);
    }
    // The last day itself is still valid; a DKGA04 key may be 32 digits.
    expect(checkNewKey({ ...ATTRS, expiresAt: today }, TEST_KEY, null, today)).toBe(TEST_KEY);
    expect(checkNewKey({ ...ATTRS, dkga: '04', ea: '11' }, `${TEST_KEY}0123456789abcdef`, null, today)).toHaveLength(32);
  });
});
