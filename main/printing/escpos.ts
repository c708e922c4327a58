// Receipt -> printer bytes, via node-thermal-printer's command builder (no connection is opened:
// getBuffer() hands back the stream and transport.ts delivers it). Latin text goes as text so
// the printer's own crisp font is used and the token digits are visible in the byte stream;
// drawn (Arabic) areas go as raster images.
import { BreakLine, PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import { type Bitmap, slice, toPng } from './bitmap';
import { layoutReceipt, type Segment } from './layout';
import { METRICS } from './layout-text';
import type { EscPosOptions, Receipt } from './types';

/**
 * Many ESC/POS printers cap one GS v 0 image at 2303 rows and buffer little; bands of at most
 * 1024 rows print back to back with no gap, so splitting costs nothing on paper.
 */
export const MAX_BAND_ROWS = 1024;

/** ESC p 0 t1 t2: pulse drawer pin 2 for 50 ms on, 500 ms off (t in 2 ms units). */
const EPSON_DRAWER_KICK = Buffer.from([0x1b, 0x70, 0x00, 25, 250]);

export async function renderEscPos(receipt: Receipt, opts: EscPosOptions): Promise<Buffer> {
  return encodeSegments(layoutReceipt(receipt, opts.widthMm), opts);
}

export async function encodeSegments(segments: Segment[], opts: EscPosOptions): Promise<Buffer> {
  const p = new ThermalPrinter({
    type: opts.profile === 'star' ? PrinterTypes.STAR : PrinterTypes.EPSON,
    interface: '', // no interface: only the command builder is used
    width: METRICS[opts.widthMm].cols,
    breakLine: BreakLine.NONE, // lines arrive already wrapped and padded by the layout
  });
  // ESC @ (same bytes on Epson and Star): forget whatever size/bold/alignment the last job left.
  p.add(Buffer.from([0x1b, 0x40]));
  if (opts.openDrawer) {
    // Kick first so the drawer is open while the receipt prints. The library's Epson kick omits
    // ESC p's two timing bytes (and so swallows the next command), hence our own sequence.
    if (opts.profile === 'star') p.openCashDrawer();
    else p.add(EPSON_DRAWER_KICK);
  }
  for (const seg of segments) {
    switch (seg.kind) {
      case 'text':
        for (const line of seg.lines) {
          if (line.size === 2) p.setTextQuadArea();
          else p.setTextNormal();
          p.bold(line.bold);
          p.println(line.text);
        }
        p.setTextNormal();
        p.bold(false);
        break;
      case 'raster':
        // Epson: our bitmap rows already are GS v 0's data, so they go in as-is — the library's
        // PNG path re-decodes every pixel into an object and costs ~150 ms per receipt. Star line
        // mode has its own image command (24-row bands), which we leave to the library.
        if (opts.profile === 'epson') for (const band of bands(seg.bitmap)) p.add(gsv0(band));
        else await p.printImageBuffer(toPng(seg.bitmap));
        break;
      case 'feed':
        for (let i = 0; i < seg.lines; i++) p.newLine();
        break;
      case 'cut':
        // One vertical tab (Epson: ESC d 4) carries the last line past the cutter blade.
        p.cut({ verticalTabAmount: 1 });
        break;
    }
  }
  return Buffer.from(p.getBuffer());
}

/** GS v 0 m xL xH yL yH d1...dk — raster bit image, normal density (m = 0). */
export function gsv0(b: Bitmap): Buffer {
  const header = Buffer.from([0x1d, 0x76, 0x30, 0x00, b.bytesPerRow & 0xff, b.bytesPerRow >> 8, b.height & 0xff, b.height >> 8]);
  return Buffer.concat([header, b.data]);
}

function bands(b: Bitmap): Bitmap[] {
  const out: Bitmap[] = [];
  for (let top = 0; top < b.height; top += MAX_BAND_ROWS) out.push(slice(b, top, MAX_BAND_ROWS));
  return out;
}
