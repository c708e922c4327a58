import { describe, expect, it } from 'vitest';
import { blockCrc, crc16Modbus } from '../../../main/sts/crc';
import { DES_SBOXES, desEncrypt } from '../../../main/sts/des';
import { ea07Decrypt, ea07Encrypt, ea07Schedule, PERM, S1, S2 } from '../../../main/sts/ea07';
import { keyBytes, u64FromHex, u64ToHex } from '../../../main/sts/hex';
import { misty1Decrypt, misty1Encrypt, misty1Schedule } from '../../../main/sts/misty1';
import { S7, S9 } from '../../../main/sts/misty1-sboxes';
import { digitsToToken66, extractClass, insertClass, token66ToDigits } from '../../../main/sts/transpose';
import { formatToken } from '../../../main/sts';

const isPermutation = (t: readonly number[], n: number): boolean =>
  t.length === n && new Set(t).size === n && t.every((v) => v >= 0 && v < n);

describe('DES', () => {
  it.each([
    ['0123456789abcdef', '0000000000000000', 'd5d44ff720683d0d'], // the check value of STS.md
    ['133457799bbcdff1', '0123456789abcdef', '85e813540f0ab405'], // textbook worked example
    ['0000000000000000', '0000000000000000', '8ca64de9c1b123a7'],
    ['ffffffffffffffff', 'ffffffffffffffff', '7359b2163e4edc58'],
  ])('key %s, block %s -> %s', (k, p, c) => {
    expect(u64ToHex(desEncrypt(keyBytes(k, 8, 'key'), u64FromHex(p)))).toBe(c);
  });
  it('every S-box row is a permutation of 0..15', () => {
    for (const s of DES_SBOXES) for (let r = 0; r < 4; r++) expect(isPermutation(s.slice(r * 16, r * 16 + 16), 16)).toBe(true);
  });
});

describe('CRC-16/MODBUS', () => {
  it('standard check value ("123456789" -> 0x4B37)', () => {
    expect(crc16Modbus(Buffer.from('123456789'))).toBe(0x4b37);
  });
  it('the two check values of STS.md (byte-swapped into the block)', () => {
    expect(blockCrc(0, 0x004a2d90, 0x0ff20000)).toBe(0x0ffa);
    expect(blockCrc(0, 0x0b19eb23, 0x01000000)).toBe(0xc207);
  });
  it('the class is covered by the CRC', () => {
    expect(blockCrc(2, 0x0b19eb23, 0x01000000)).not.toBe(0xc207);
  });
});

describe('EA07', () => {
  const key = u64FromHex('0abc12def3456789');
  it('tables: S1, S2 and the permutation are permutations', () => {
    expect(isPermutation(S1, 16)).toBe(true);
    expect(isPermutation(S2, 16)).toBe(true);
    expect(isPermutation(PERM, 64)).toBe(true);
  });
  it('IEC worked example: block 0B19EB230100C207 encrypts to token 29054347139309851356', () => {
    const c = ea07Encrypt(ea07Schedule(key), u64FromHex('0b19eb230100c207'));
    expect(token66ToDigits(insertClass(0, c))).toBe('29054347139309851356');
  });
  it('decrypt undoes encrypt', () => {
    const s = ea07Schedule(key);
    for (const h of ['0000000000000000', 'ffffffffffffffff', '0123456789abcdef', '8000000000000001']) {
      expect(u64ToHex(ea07Decrypt(s, ea07Encrypt(s, u64FromHex(h))))).toBe(h);
    }
  });
});

describe('MISTY1 (RFC 2994)', () => {
  const ek = misty1Schedule(keyBytes('00112233445566778899aabbccddeeff', 16, 'key'));
  it.each([
    ['0123456789abcdef', '8b1da5f56ab3d07c'],
    ['fedcba9876543210', '04b68240b13be95d'],
  ])('%s -> %s and back', (p, c) => {
    const e = misty1Encrypt(ek, u64FromHex(p));
    expect(u64ToHex(e)).toBe(c);
    expect(u64ToHex(misty1Decrypt(ek, e))).toBe(p);
  });
  it('S7 and S9 are permutations', () => {
    expect(isPermutation(S7, 128)).toBe(true);
    expect(isPermutation(S9, 512)).toBe(true);
  });
});

describe('66-bit transposition and 20 digits', () => {
  it('class bits replace cipher bits 28..27, which move to 65..64', () => {
    const t = insertClass(2, { hi: 0, lo: 0x18000000 }); // cipher bits 28 and 27 set
    expect(t).toEqual({ top: 3, hi: 0, lo: 0x10000000 });
    expect(extractClass(t)).toEqual({ cls: 2, cipher: { hi: 0, lo: 0x18000000 } });
  });
  it('extremes print as 20 digits and parse back', () => {
    for (const t of [
      { top: 0, hi: 0, lo: 0 },
      { top: 3, hi: 0xffffffff, lo: 0xffffffff },
      { top: 1, hi: 0x12345678, lo: 0x9abcdef0 },
    ]) {
      const d = token66ToDigits(t);
      expect(d).toMatch(/^\d{20}$/);
      expect(BigInt(d)).toBe((BigInt(t.top) << 64n) | (BigInt(t.hi) << 32n) | BigInt(t.lo));
      expect(digitsToToken66(d)).toEqual(t);
    }
    expect(token66ToDigits({ top: 3, hi: 0xffffffff, lo: 0xffffffff })).toBe('73786976294838206463');
  });
  it('a number of 2^66 or more is not a token', () => {
    expect(() => digitsToToken66('73786976294838206464')).toThrow(expect.objectContaining({ code: 'BAD_TOKEN' }));
    expect(() => digitsToToken66('99999999999999999999')).toThrow(expect.objectContaining({ code: 'BAD_TOKEN' }));
  });
  it('formats in groups of four and accepts grouped input', () => {
    expect(formatToken('29054347139309851356')).toBe('2905 4347 1393 0985 1356');
    expect(formatToken('2905-4347-1393-0985-1356')).toBe('2905 4347 1393 0985 1356');
    expect(() => formatToken('1234')).toThrow(expect.objectContaining({ code: 'BAD_TOKEN' }));
  });
});
