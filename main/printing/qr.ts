// The QR is drawn as dots here rather than sent as ESC/POS GS ( k: many of the cheap 58 mm
// printers at vending counters ignore the QR command, and drawing it ourselves makes the preview
// show exactly what the paper will carry.
import QRCode from 'qrcode';
import { type Bitmap, createBitmap, setDot } from './bitmap';

/** QR symbol scaled to `dotsPerModule`, with a 2-module quiet zone (paper around it is blank). */
export function qrBitmap(data: string, dotsPerModule: number): Bitmap {
  const qr = QRCode.create(data, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const quiet = 2;
  const side = (n + 2 * quiet) * dotsPerModule;
  const b = createBitmap(side, side);
  for (let my = 0; my < n; my++) {
    for (let mx = 0; mx < n; mx++) {
      if (!qr.modules.get(my, mx)) continue;
      const x0 = (mx + quiet) * dotsPerModule;
      const y0 = (my + quiet) * dotsPerModule;
      for (let dy = 0; dy < dotsPerModule; dy++) for (let dx = 0; dx < dotsPerModule; dx++) setDot(b, x0 + dx, y0 + dy);
    }
  }
  return b;
}
