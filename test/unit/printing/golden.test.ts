// Golden images: the preview (= the printed raster plus imitated printer text) of fixed receipts,
// compared dot by dot with the PNGs in test/golden. Regenerate after an intended layout change
// with `UPDATE_GOLDEN=1 npx vitest run test/unit/printing/golden.test.ts`, then LOOK at them.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import type { Sale } from '../../../preload/contract';
import { buildReceipt, renderPreview, type Bitmap } from '../../../main/printing';
import { fromRgba, getDot, toPng } from '../../../main/printing/bitmap';
import { context, creditSale, pendingSale, stsSale } from '../../helpers/escpos-fixtures';

const GOLDEN_DIR = path.resolve(__dirname, '../../golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
/** Share of dots allowed to differ: absorbs anti-aliasing drift between Skia builds, not layout changes. */
const TOLERANCE = 0.002;

const kinds: Array<[name: string, sale: Sale, copy: boolean]> = [
  ['sts', stsSale, false],
  ['credit', creditSale, false],
  ['pending', pendingSale, false],
  ['reprint', stsSale, true],
];

async function readGolden(file: string): Promise<Bitmap> {
  const img = await loadImage(file);
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  return fromRgba(ctx.getImageData(0, 0, img.width, img.height).data, img.width, img.height, 128);
}

function differingDots(a: Bitmap, b: Bitmap): number {
  let n = 0;
  for (let y = 0; y < a.height; y++) for (let x = 0; x < a.width; x++) if (getDot(a, x, y) !== getDot(b, x, y)) n++;
  return n;
}

describe('golden receipt images', () => {
  for (const [name, sale, copy] of kinds) {
    for (const language of ['ar', 'en', 'both'] as const) {
      for (const widthMm of [58, 80] as const) {
        const file = path.join(GOLDEN_DIR, `receipt-${name}-${language}-${widthMm}mm.png`);
        it(`${name} ${language} ${widthMm} mm`, async () => {
          const receipt = buildReceipt(sale, context(language, copy ? { cashierName: 'Omar Nasser' } : {}), { copy });
          const actual = renderPreview(receipt, widthMm).bitmap;
          if (UPDATE || !existsSync(file)) {
            if (!UPDATE) throw new Error(`missing golden ${file}; run with UPDATE_GOLDEN=1 and inspect it`);
            mkdirSync(GOLDEN_DIR, { recursive: true });
            writeFileSync(file, toPng(actual));
            return;
          }
          const golden = await readGolden(file);
          expect({ width: actual.width, height: actual.height }).toEqual({ width: golden.width, height: golden.height });
          const diff = differingDots(actual, golden);
          if (diff > TOLERANCE * actual.width * actual.height) {
            writeFileSync(file.replace(/\.png$/, '.actual.png'), toPng(actual));
          }
          expect(diff).toBeLessThanOrEqual(TOLERANCE * actual.width * actual.height);
        });
      }
    }
  }
});
