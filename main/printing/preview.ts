// The on-screen preview: the whole receipt as one 1-bit picture at paper resolution. Drawn areas
// are the very bitmaps that are sent as raster images; printer-text lines are imitated with the
// bundled Latin face in font A's 12 x 24 cells (the printer's own glyphs differ slightly, their
// positions do not).
import { createCanvas } from '@napi-rs/canvas';
import { type Bitmap, createBitmap, fromRgba, stack } from './bitmap';
import { cssLatinFont, ensureFonts } from './fonts';
import { layoutReceipt, type Segment, type TextLine } from './layout';
import { METRICS, type Metrics } from './layout-text';
import type { PaperWidthMm, Receipt } from './types';

export interface PreviewRegion {
  /** Row in the preview where this raster segment starts. */
  top: number;
  bitmap: Bitmap;
}

export interface Preview {
  bitmap: Bitmap;
  /** Where each raster segment sits in the preview, in print order. */
  rasters: PreviewRegion[];
}

export function renderPreview(receipt: Receipt, widthMm: PaperWidthMm): Preview {
  return previewSegments(layoutReceipt(receipt, widthMm), METRICS[widthMm]);
}

export function previewSegments(segments: Segment[], m: Metrics): Preview {
  const parts: Bitmap[] = [];
  const rasters: PreviewRegion[] = [];
  let top = 0;
  const push = (b: Bitmap): void => {
    parts.push(b);
    top += b.height;
  };
  for (const seg of segments) {
    if (seg.kind === 'raster') {
      rasters.push({ top, bitmap: seg.bitmap });
      push(seg.bitmap);
    } else if (seg.kind === 'text') {
      push(drawTextLines(seg.lines, m));
    } else if (seg.kind === 'feed') {
      push(createBitmap(m.dots, seg.lines * m.textLineH));
    }
    // A cut ends the paper; the blank the printer feeds before cutting is not part of the receipt.
  }
  return { bitmap: stack(parts), rasters };
}

function drawTextLines(lines: TextLine[], m: Metrics): Bitmap {
  ensureFonts();
  const heights = lines.map((l) => l.size * m.textLineH);
  const height = heights.reduce((a, b) => a + b, 0);
  const canvas = createCanvas(m.dots, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, m.dots, height);
  ctx.fillStyle = '#000';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  let y = 0;
  lines.forEach((line, i) => {
    const cellW = 12 * line.size;
    ctx.font = cssLatinFont(20 * line.size, line.bold);
    [...line.text].forEach((ch, col) => {
      if (ch !== ' ') ctx.fillText(ch, col * cellW + cellW / 2, y + 19 * line.size);
    });
    y += heights[i] ?? 0;
  });
  return fromRgba(ctx.getImageData(0, 0, m.dots, height).data, m.dots, height);
}
