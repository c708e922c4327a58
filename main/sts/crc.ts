/**
 * CRC-16/MODBUS (reflected polynomial 0xA001, init 0xFFFF, no final xor), as STS uses it.
 */
const TABLE = (() => {
  const t = new Uint16Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xa001 : c >>> 1;
    t[n] = c;
  }
  return t;
})();

export function crc16Modbus(bytes: ArrayLike<number>): number {
  let crc = 0xffff;
  for (let i = 0; i < bytes.length; i++) crc = (crc >>> 8) ^ TABLE[(crc ^ bytes[i]!) & 0xff]!;
  return crc;
}

function step(crc: number, byte: number): number {
  return (crc >>> 8) ^ TABLE[(crc ^ byte) & 0xff]!;
}

/**
 * The CRC field of a data block. It covers the 50-bit value class(2)|subclass(4)|body(44) as
 * 7 big-endian bytes: the class first (it is not in the encrypted block, but a token of the wrong
 * class must still fail), then block bits 63..16. `hi`/`lo` are the block halves; lo's low 16 bits
 * (the CRC slot) are ignored. The register is byte-swapped into the block (MODBUS sends low byte
 * first; STS stores the two bytes in that order).
 */
export function blockCrc(cls: number, hi: number, lo: number): number {
  let c = step(0xffff, cls & 3);
  c = step(c, hi >>> 24);
  c = step(c, (hi >>> 16) & 0xff);
  c = step(c, (hi >>> 8) & 0xff);
  c = step(c, hi & 0xff);
  c = step(c, lo >>> 24);
  c = step(c, (lo >>> 16) & 0xff);
  return ((c & 0xff) << 8) | (c >>> 8);
}
