// Golden images: a rendered bitmap compared dot by dot with its PNG in test/golden. With
// UPDATE_GOLDEN=1 the PNG is (re)written instead; then LOOK at it before committing it.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { expect } from 'vitest';
import type { Bitmap } from '../../main/printing';
import { fromRgba, getDot, toPng } from '../../main/printing/bitmap';

export const GOLDEN_DIR = path.resolve(__dirname, '../golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
/** Share of dots allowed to differ: absorbs anti-aliasing drift between Skia builds, not layout changes. */
const TOLERANCE = 0.002;

async function readGolden(file: string): Promise<Bitmap> {
  const img = await loadImage(file);
  const ctx = createCanvas(img.width, img.height).getContext('2d');
  ctx.drawImage(img, 0, 0);
  return fromRgba(ctx.getImageData(0, 0, img.width, img.height).data, img.width, img.height, 128);
}

function differingDots(a: Bitmap, b: Bitmap): number {
  let n = 0;
  for (let y = 0; y < a.height; y++) for (let x = 0; x < a.width; x++) if (getDot(a, x, y) !== getDot(b, x, y)) n++;
  return n;
}

/**
 * `actual` matches test/golden/<name> (same size, at most TOLERANCE of its dots differ). A mismatch
 * leaves <name>.actual.png next to it to look at.
 */
export async function expectMatchesGolden(actual: Bitmap, name: string): Promise<void> {
  const file = path.join(GOLDEN_DIR, name);
  if (UPDATE || !existsSync(file)) {
    if (!UPDATE) throw new Error(`missing golden ${file}; run with UPDATE_GOLDEN=1 and inspect it`);
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(file, toPng(actual));
    return;
  }
  const golden = await readGolden(file);
  expect({ width: actual.width, height: actual.height }).toEqual({ width: golden.width, height: golden.height });
  const diff = differingDots(actual, golden);
  if (diff > TOLERANCE * actual.width * actual.height) writeFileSync(file.replace(/\.png$/, '.actual.png'), toPng(actual));
  expect(diff).toBeLessThanOrEqual(TOLERANCE * actual.width * actual.height);
}
