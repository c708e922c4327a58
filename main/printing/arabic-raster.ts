// Draws lines that contain Arabic into a 1-bit bitmap. ESC/POS printers have no Arabic shaping
// (their code pages hold isolated letter forms at best), so these lines are drawn here with the
// bundled font — HarfBuzz inside Skia joins the letters, and direction 'rtl' runs the Unicode
// bidi algorithm so digits, codes and the Latin parts of a line stay left-to-right.
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { type Bitmap, fromRgba, stack } from './bitmap';
import { cssFont, ensureFonts } from './fonts';
import type { Align } from './types';

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;

export function hasArabic(text: string): boolean {
  return ARABIC.test(text);
}

/**
 * Printer text is kept to printable ASCII: code pages differ between printer models and none can
 * join Arabic, so anything else (Arabic, accented names, symbols) is drawn instead.
 */
export function needsDrawing(text: string): boolean {
  return /[^\x20-\x7E]/.test(text);
}

export interface RasterText {
  text: string;
  align: Align;
  px: number;
  bold: boolean;
}

/** One horizontal strip of the raster: some text pieces, a rule, or a ready-made image (QR). */
export type RasterRow =
  | { kind: 'text'; height: number; items: RasterText[] }
  | { kind: 'rule'; height: number }
  | { kind: 'image'; bitmap: Bitmap };

/** Side margin in dots: thermal heads fade at the very edge of the paper. */
export const MARGIN = 4;

let measureCtx: SKRSContext2D | null = null;

function measurer(): SKRSContext2D {
  ensureFonts();
  measureCtx ??= createCanvas(8, 8).getContext('2d');
  return measureCtx;
}

/**
 * In a right-to-left line, wrap each Latin/number phrase in LEFT-TO-RIGHT ISOLATE ... POP
 * DIRECTIONAL ISOLATE. Plain bidi resolution shows "12:00-17:00" as "17:00-12:00" inside Arabic;
 * isolated, every phrase of Latin and digits reads exactly as typed.
 */
function isolateLtr(text: string): string {
  return text.replace(/[(A-Za-z0-9][A-Za-z0-9 .,:\-/+%_#|~()]*[A-Za-z0-9)]|[A-Za-z0-9]/g, (run) => `\u2066${run}\u2069`);
}

/** Sets font and direction; returns the text as it must be drawn and measured. */
function applyStyle(ctx: SKRSContext2D, t: { text: string; px: number; bold: boolean }): string {
  ctx.font = cssFont(t.px, t.bold);
  const rtl = hasArabic(t.text);
  ctx.direction = rtl ? 'rtl' : 'ltr';
  return rtl ? isolateLtr(t.text) : t.text;
}

export function measureText(text: string, px: number, bold: boolean): number {
  const ctx = measurer();
  return Math.ceil(ctx.measureText(applyStyle(ctx, { text, px, bold })).width);
}

/** Greedy word wrap by measured width; a word wider than a whole line (a UUID) is cut by characters. */
export function wrapMeasured(text: string, px: number, bold: boolean, maxWidth: number): string[] {
  const words = text.split(/\s+/).filter((w) => w.length > 0).flatMap((w) => splitLongWord(w, px, bold, maxWidth));
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && measureText(candidate, px, bold) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [''];
}

function splitLongWord(word: string, px: number, bold: boolean, maxWidth: number): string[] {
  const pieces: string[] = [];
  let rest = word;
  while (measureText(rest, px, bold) > maxWidth && rest.length > 1) {
    let n = rest.length - 1;
    while (n > 1 && measureText(rest.slice(0, n), px, bold) > maxWidth) n--;
    pieces.push(rest.slice(0, n));
    rest = rest.slice(n);
  }
  pieces.push(rest);
  return pieces;
}

/** Render rows to one bitmap `width` dots wide; text and rules share one canvas per run. */
export function renderRaster(rows: RasterRow[], width: number): Bitmap {
  const parts: Bitmap[] = [];
  let run: Array<Exclude<RasterRow, { kind: 'image' }>> = [];
  const flush = (): void => {
    if (run.length > 0) parts.push(drawRun(run, width));
    run = [];
  };
  for (const row of rows) {
    if (row.kind === 'image') {
      flush();
      parts.push(centerImage(row.bitmap, width));
    } else {
      run.push(row);
    }
  }
  flush();
  return stack(parts);
}

function drawRun(rows: Array<Exclude<RasterRow, { kind: 'image' }>>, width: number): Bitmap {
  ensureFonts();
  const height = rows.reduce((h, r) => h + r.height, 0);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#000';
  ctx.textBaseline = 'alphabetic';
  let top = 0;
  for (const row of rows) {
    if (row.kind === 'rule') {
      ctx.fillRect(MARGIN, top + Math.floor(row.height / 2) - 1, width - 2 * MARGIN, 2);
    } else {
      for (const item of row.items) {
        const text = applyStyle(ctx, item);
        ctx.textAlign = item.align;
        const x = item.align === 'left' ? MARGIN : item.align === 'right' ? width - MARGIN : width / 2;
        // Baseline at ~70% of the row leaves room below for the descending tails of ي ر و.
        ctx.fillText(text, x, top + Math.round(row.height * 0.7));
      }
    }
    top += row.height;
  }
  const img = ctx.getImageData(0, 0, width, height);
  return fromRgba(img.data, width, height);
}

/** Place a narrower 1-bit image (the QR) in the middle of a full-width strip, bit by bit. */
function centerImage(src: Bitmap, width: number): Bitmap {
  if (src.width === width) return src;
  const out = { width, height: src.height, bytesPerRow: Math.ceil(width / 8), data: new Uint8Array(Math.ceil(width / 8) * src.height) };
  const left = Math.max(0, Math.floor((width - src.width) / 2));
  for (let y = 0; y < src.height; y++) {
    for (let x = 0; x < src.width && left + x < width; x++) {
      if ((src.data[y * src.bytesPerRow + (x >> 3)]! & (0x80 >> (x & 7))) !== 0) {
        const dx = left + x;
        out.data[y * out.bytesPerRow + (dx >> 3)]! |= 0x80 >> (dx & 7);
      }
    }
  }
  return out;
}
