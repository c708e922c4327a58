// Paper geometry and line-breaking shared by the layout. The printer's font A is 12 x 24 dots, so
// 384 dots hold 32 columns and 576 hold 48; drawn Arabic uses a size whose x-height reads like
// that font so mixed receipts do not jump in size from line to line.
import { MARGIN, type RasterRow, wrapMeasured } from './arabic-raster';
import type { Align, PaperWidthMm } from './types';

export interface Metrics {
  dots: number;
  cols: number;
  /** Drawn text size in px (= dots) for size 1 and size 2. */
  px: number;
  bigPx: number;
  rowH: number;
  bigRowH: number;
  ruleH: number;
  qrModule: number;
  /** Height of one printer text line (font A 24 dots + line spacing), used by the preview. */
  textLineH: number;
}

const COMMON = { px: 24, bigPx: 40, rowH: 36, bigRowH: 60, ruleH: 14, textLineH: 30 };

export const METRICS: Record<PaperWidthMm, Metrics> = {
  58: { ...COMMON, dots: 384, cols: 32, qrModule: 4 },
  80: { ...COMMON, dots: 576, cols: 48, qrModule: 5 },
};

/** Word wrap in fixed columns; words longer than a line (UUIDs) are cut at the column edge. */
export function wrapChars(text: string, cols: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (let word of text.split(/\s+/).filter((w) => w.length > 0)) {
    while (word.length > cols) {
      if (line) lines.push(line);
      line = '';
      lines.push(word.slice(0, cols));
      word = word.slice(cols);
    }
    const candidate = line ? `${line} ${word}` : word;
    if (candidate.length > cols) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [''];
}

/** Left-pad for alignment in fixed columns; trailing spaces are never sent. */
export function padLine(text: string, cols: number, align: Align): string {
  const free = Math.max(0, cols - text.length);
  const left = align === 'right' ? free : align === 'center' ? Math.floor(free / 2) : 0;
  return ' '.repeat(left) + text;
}

export function rasterParagraph(text: string, align: Align, size: 1 | 2, bold: boolean, m: Metrics): RasterRow[] {
  const px = size === 2 ? m.bigPx : m.px;
  const height = size === 2 ? m.bigRowH : m.rowH;
  return wrapMeasured(text, px, bold, m.dots - 2 * MARGIN).map((line) => ({ kind: 'text', height, items: [{ text: line, align, px, bold }] }));
}
