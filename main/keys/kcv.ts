// The key check value (KCV) of a vending key: what an operator compares with the key certificate
// to know the right key went in, without the key ever being shown again.
//
// Definition (the ANSI X9.24 / ISO 11568 convention key certificates and HSMs print): encrypt one
// block of eight zero bytes under the key with Triple DES in ECB, and keep the first three bytes,
// as six upper-case hex digits.
// - 16 hex digits (a single-length DES key, what DKGA02 uses): Triple DES with K1 = K2 = K3 is
//   plain DES, so the KCV is DES_K(0). Computed with main/sts's DES (Node's OpenSSL 3 refuses
//   single DES without its legacy provider). The STS Association's public test key gives C33F45 (test/unit checks it).
// - 32 hex digits (a double-length key K1 || K2): TDES-EDE with K3 = K1, from Node's crypto.
import { createCipheriv } from 'node:crypto';
import { desEncrypt } from '../sts/des';
import { u64ToHex } from '../sts/hex';

export class KcvError extends Error {
  override name = 'KcvError';
}

const ZERO = { hi: 0, lo: 0 };

export function keyCheckValue(keyHex: string): string {
  if (!/^([0-9a-fA-F]{16}){1,2}$/.test(keyHex)) throw new KcvError('a vending key must be 16 or 32 hex digits');
  const key = Buffer.from(keyHex, 'hex');
  let block: string;
  if (key.length === 8) {
    block = u64ToHex(desEncrypt(key, ZERO));
  } else {
    const c = createCipheriv('des-ede-ecb', key, null);
    c.setAutoPadding(false);
    block = Buffer.concat([c.update(Buffer.alloc(8)), c.final()]).toString('hex');
  }
  key.fill(0);
  return block.slice(0, 6).toUpperCase();
}
