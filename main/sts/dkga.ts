import { createHmac } from 'node:crypto';
import { desEncrypt } from './des';
import { checkInt, StsError } from './errors';
import { bytesToHex, keyBytes, u64FromBytes, u64ToHex } from './hex';
import { checkPan, IIN_11, IIN_13 } from './meter-number';
import type { BaseDate } from './tid';

/** Decoder key generation (DKGA02: DES; DKGA04: HMAC-SHA256 KDF). Keys in and out are natural-order hex. */
export interface KeyParams {
  dkga: '02' | '04';
  vendingKey: string;
  keyType: number;
  sgc: string;
  ti: string;
  krn: number;
  pan: string;
  baseDate?: BaseDate;
  ea?: '07' | '11';
}

function checkCommon(p: KeyParams): void {
  checkInt(p.keyType, 0, 3, 'key type');
  if (typeof p.sgc !== 'string' || !/^\d{6}$/.test(p.sgc)) throw new StsError('BAD_INPUT', 'SGC must be 6 digits');
  if (typeof p.ti !== 'string' || !/^\d{2}$/.test(p.ti)) throw new StsError('BAD_INPUT', 'TI must be 2 digits');
  checkPan(p.pan);
}

/**
 * The 16 PAN digits the key is bound to: the rightmost 16 of IIN||IAIN (the PAN without its
 * check digit). A common key (type 3) is not bound to one meter: its IAIN digits are zeros.
 */
function panBlock(pan: string, keyType: number): string {
  if (keyType !== 3) return pan.slice(1, 17);
  const iin = pan.startsWith(IIN_11) ? IIN_11 : pan.startsWith(IIN_13) ? IIN_13 : null;
  if (!iin) throw new StsError('BAD_METER_NUMBER', 'common keys need a PAN with IIN 600727 or 0000');
  return (iin + '0'.repeat(17 - iin.length)).slice(1);
}

function dkga02(p: KeyParams): string {
  checkInt(p.krn, 1, 9, 'KRN'); // one digit of the control block
  const vk = keyBytes(p.vendingKey, 8, 'vending key');
  const control = `${p.keyType}${p.sgc}${p.ti}${p.krn}FFFFFF`;
  const pb = panBlock(p.pan, p.keyType);
  const x = keyBytes(pb, 8, 'PAN block');
  const c = keyBytes(control, 8, 'control block');
  for (let i = 0; i < 8; i++) x[i] = x[i]! ^ c[i]!;
  const e = desEncrypt(vk, u64FromBytes(x));
  const xv = u64FromBytes(x);
  const kv = u64FromBytes(vk);
  return u64ToHex({ hi: (e.hi ^ xv.hi ^ kv.hi) >>> 0, lo: (e.lo ^ xv.lo ^ kv.lo) >>> 0 });
}

const BD: Record<BaseDate, string> = { 1993: '93', 2014: '14', 2035: '35' };

/** DKGA04's KDF input: length-prefixed ASCII fields, then the output length in bits. */
export function dkga04Data(p: KeyParams, ea: '07' | '11'): Buffer {
  const bd = p.baseDate === undefined ? undefined : BD[p.baseDate];
  if (!bd) throw new StsError('BAD_INPUT', 'DKGA04 needs a base date of 1993, 2014 or 2035');
  const field = (s: string): Buffer => Buffer.concat([Buffer.from([s.length]), Buffer.from(s, 'ascii')]);
  const bits = ea === '11' ? 128 : 64;
  return Buffer.concat([
    Buffer.from([0x04]),
    field('04'),
    field(bd),
    field(ea),
    field(p.ti),
    Buffer.from([0x00, 0x04]),
    field(p.sgc),
    field(p.keyType.toString(16).toUpperCase()),
    field(p.krn.toString(16).toUpperCase()),
    field(p.pan),
    Buffer.from([0, 0, bits >>> 8, bits & 0xff]),
  ]);
}

function dkga04(p: KeyParams, ea: '07' | '11'): string {
  checkInt(p.krn, 1, 15, 'KRN');
  const vk = keyBytes(p.vendingKey, 'any', 'vending key');
  if (vk.length < 8) throw new StsError('BAD_KEY', 'vending key is too short');
  const mac = createHmac('sha256', vk).update(dkga04Data(p, ea)).digest();
  return bytesToHex(mac.subarray(0, ea === '11' ? 16 : 8));
}

export function deriveDecoderKey(p: KeyParams): string {
  if (!p || typeof p !== 'object') throw new StsError('BAD_INPUT', 'key parameters are required');
  checkCommon(p);
  const ea = p.ea ?? '07';
  if (ea !== '07' && ea !== '11') throw new StsError('BAD_INPUT', "EA must be '07' or '11'");
  if (p.dkga === '02') {
    if (ea !== '07') throw new StsError('UNSUPPORTED', 'DKGA02 derives EA07 keys only');
    return dkga02(p);
  }
  if (p.dkga === '04') return dkga04(p, ea);
  throw new StsError('BAD_INPUT', "DKGA must be '02' or '04'");
}
