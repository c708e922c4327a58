// Receipt blocks -> what goes on paper, for one paper width. Both renderers consume this one
// layout: escpos.ts turns it into bytes, preview.ts into a picture. Latin-only lines stay printer
// text (fast, crisp, and the digits stay searchable in the byte stream); any line with Arabic is
// drawn, and consecutive drawn lines are merged into ONE raster so the preview can hold exactly
// the bits the printer receives.
import { type Bitmap } from './bitmap';
import { needsDrawing, renderRaster, type RasterRow } from './arabic-raster';
import { keyValueRows } from './layout-keyvalue';
import { METRICS, type Metrics, padLine, rasterParagraph, wrapChars } from './layout-text';
import { qrBitmap } from './qr';
import { groupToken } from './format';
import type { Block, PaperWidthMm, Receipt } from './types';

export interface TextLine {
  /** Already padded for alignment; printed left-aligned in the printer's font A. */
  text: string;
  size: 1 | 2;
  bold: boolean;
}

export type Segment =
  | { kind: 'text'; lines: TextLine[] }
  | { kind: 'raster'; bitmap: Bitmap }
  | { kind: 'feed'; lines: number }
  | { kind: 'cut' };

/** What a single block turns into before neighbouring rows are merged. */
export type Row = { kind: 'text'; line: TextLine } | { kind: 'raster'; row: RasterRow } | { kind: 'feed'; lines: number } | { kind: 'cut' };

export function layoutReceipt(receipt: Receipt, widthMm: PaperWidthMm): Segment[] {
  const m = METRICS[widthMm];
  const rows = receipt.blocks.flatMap((b) => blockRows(b, receipt, m));
  const segments: Segment[] = [];
  let raster: RasterRow[] = [];
  const flushRaster = (): void => {
    if (raster.length > 0) segments.push({ kind: 'raster', bitmap: renderRaster(raster, m.dots) });
    raster = [];
  };
  for (const row of rows) {
    if (row.kind === 'raster') {
      raster.push(row.row);
      continue;
    }
    flushRaster();
    const last = segments[segments.length - 1];
    if (row.kind === 'text') {
      if (last?.kind === 'text') last.lines.push(row.line);
      else segments.push({ kind: 'text', lines: [row.line] });
    } else {
      segments.push(row);
    }
  }
  flushRaster();
  return segments;
}

function blockRows(b: Block, receipt: Receipt, m: Metrics): Row[] {
  switch (b.kind) {
    case 'text': {
      if (needsDrawing(b.text)) return rasterParagraph(b.text, b.align, b.size, b.bold, m).map((row) => ({ kind: 'raster', row }));
      const cols = m.cols / b.size;
      return wrapChars(b.text, cols).map((t) => ({ kind: 'text', line: { text: padLine(t, cols, b.align), size: b.size, bold: b.bold } }));
    }
    case 'keyValue':
      return keyValueRows(b, receipt.language, m);
    case 'token': {
      // Double size halves the columns: 24 fit on 80 mm (one line), 16 on 58 mm (3 + 2 groups).
      const groups = groupToken(b.digits);
      const cols = m.cols / 2;
      const lines = cols >= 24 ? [groups.join(' ')] : [groups.slice(0, 3).join(' '), groups.slice(3).join(' ')];
      return lines.map((t) => ({ kind: 'text', line: { text: padLine(t, cols, 'center'), size: 2, bold: true } }));
    }
    case 'qr':
      return [{ kind: 'raster', row: { kind: 'image', bitmap: qrBitmap(b.data, m.qrModule) } }];
    case 'rule':
      // On an all-English receipt a rule is printer text so no raster is needed at all; elsewhere
      // it is drawn so it joins the raster around it instead of splitting it.
      if (receipt.language === 'en') return [{ kind: 'text', line: { text: '-'.repeat(m.cols), size: 1, bold: false } }];
      return [{ kind: 'raster', row: { kind: 'rule', height: m.ruleH } }];
    case 'feed':
      return [{ kind: 'feed', lines: b.lines }];
    case 'cut':
      return [{ kind: 'cut' }];
  }
}
