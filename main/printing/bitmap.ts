// The 1-bit image every renderer shares. Rows are packed exactly as ESC/POS GS v 0 wants them
// (8 dots per byte, most significant bit = leftmost dot, 1 = black), so the preview, the PNG and
// the bytes sent to the printer are the same bits, not three renderings that might drift apart.
import { createCanvas } from '@napi-rs/canvas';

export interface Bitmap {
  width: number;
  height: number;
  bytesPerRow: number;
  data: Uint8Array;
}

export function createBitmap(width: number, height: number): Bitmap {
  const bytesPerRow = Math.ceil(width / 8);
  return { width, height, bytesPerRow, data: new Uint8Array(bytesPerRow * height) };
}

export function getDot(b: Bitmap, x: number, y: number): boolean {
  return ((b.data[y * b.bytesPerRow + (x >> 3)] ?? 0) & (0x80 >> (x & 7))) !== 0;
}

export function setDot(b: Bitmap, x: number, y: number): void {
  const i = y * b.bytesPerRow + (x >> 3);
  b.data[i] = (b.data[i] ?? 0) | (0x80 >> (x & 7));
}

/**
 * Anti-aliased RGBA -> 1 bit. Thermal heads have no grey, so a dot is either burnt or not; the
 * threshold is a little above mid-grey so thin Arabic strokes (and the dots of ي ن ت) survive.
 */
export function fromRgba(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number, threshold = 160): Bitmap {
  const b = createBitmap(width, height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const a = rgba[i + 3] ?? 0;
      // Composite over white paper before measuring darkness.
      const lum = (0.2126 * (rgba[i] ?? 0) + 0.7152 * (rgba[i + 1] ?? 0) + 0.0722 * (rgba[i + 2] ?? 0)) * (a / 255) + 255 * (1 - a / 255);
      if (lum < threshold) setDot(b, x, y);
    }
  }
  return b;
}

/** Opaque black/white RGBA, the form PNG encoders and node-thermal-printer's image path read. */
export function toRgba(b: Bitmap): Uint8ClampedArray {
  const out = new Uint8ClampedArray(b.width * b.height * 4).fill(255);
  for (let y = 0; y < b.height; y++) {
    for (let x = 0; x < b.width; x++) {
      if (getDot(b, x, y)) {
        const i = (y * b.width + x) * 4;
        out[i] = 0;
        out[i + 1] = 0;
        out[i + 2] = 0;
      }
    }
  }
  return out;
}

export function toPng(b: Bitmap): Buffer {
  const canvas = createCanvas(b.width, Math.max(1, b.height));
  const ctx = canvas.getContext('2d');
  const img = ctx.createImageData(b.width, Math.max(1, b.height));
  img.data.set(toRgba(b));
  ctx.putImageData(img, 0, 0);
  return canvas.toBuffer('image/png');
}

/** Stack bitmaps of the same width top to bottom (byte copy: widths are whole bytes here). */
export function stack(parts: Bitmap[]): Bitmap {
  const width = parts[0]?.width ?? 0;
  const out = createBitmap(width, parts.reduce((h, p) => h + p.height, 0));
  let offset = 0;
  for (const p of parts) {
    if (p.width !== width) throw new Error('stack: bitmaps must share a width');
    out.data.set(p.data, offset);
    offset += p.data.length;
  }
  return out;
}

/** Rows [top, top+height) as their own bitmap (used to split tall rasters into printer-sized bands). */
export function slice(b: Bitmap, top: number, height: number): Bitmap {
  const h = Math.max(0, Math.min(height, b.height - top));
  return { width: b.width, height: h, bytesPerRow: b.bytesPerRow, data: b.data.slice(top * b.bytesPerRow, (top + h) * b.bytesPerRow) };
}

export function equalBitmaps(a: Bitmap, b: Bitmap): boolean {
  if (a.width !== b.width || a.height !== b.height) return false;
  return Buffer.from(a.data.buffer, a.data.byteOffset, a.data.byteLength).equals(Buffer.from(b.data.buffer, b.data.byteOffset, b.data.byteLength));
}
