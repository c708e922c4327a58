import { existsSync } from 'node:fs';
import path from 'node:path';
import { GlobalFonts } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { hasArabic, measureText, needsDrawing, renderRaster, wrapMeasured } from '../../../main/printing/arabic-raster';
import { getDot } from '../../../main/printing/bitmap';
import { ARABIC_FAMILY, ensureFonts, LATIN_FAMILY } from '../../../main/printing/fonts';

describe('Arabic raster', () => {
  it('uses the bundled fonts, shipped with their licence', () => {
    ensureFonts();
    expect(GlobalFonts.has(ARABIC_FAMILY)).toBe(true);
    expect(GlobalFonts.has(LATIN_FAMILY)).toBe(true);
    expect(existsSync(path.resolve(__dirname, '../../../assets/fonts/OFL.txt'))).toBe(true);
  });

  it('decides what must be drawn', () => {
    expect(hasArabic('رقم العداد')).toBe(true);
    expect(needsDrawing('Meter No. 0123')).toBe(false);
    expect(needsDrawing('José')).toBe(true);
  });

  it('shapes Arabic: joined letters are narrower than the same letters isolated', () => {
    const word = 'الكهرباء';
    const isolated = [...word].reduce((w, ch) => w + measureText(ch, 24, false), 0);
    expect(measureText(word, 24, false)).toBeLessThan(isolated * 0.9);
  });

  it('wraps by measured width and cuts words longer than a line', () => {
    const lines = wrapMeasured('c0ffee00-1234-4abc-8def-0123456789ab c0ffee00-1234-4abc-8def-0123456789ab', 24, false, 376);
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const l of lines) expect(measureText(l, 24, false)).toBeLessThanOrEqual(376);
  });

  it('puts right-aligned Arabic against the right edge of a full-width 1-bit strip', () => {
    const b = renderRaster([{ kind: 'text', height: 36, items: [{ text: 'رقم العداد', align: 'right', px: 24, bold: false }] }], 384);
    expect(b.width).toBe(384);
    expect(b.height).toBe(36);
    let minX = 384;
    let maxX = 0;
    for (let y = 0; y < b.height; y++) {
      for (let x = 0; x < b.width; x++) {
        if (getDot(b, x, y)) {
          minX = Math.min(minX, x);
          maxX = Math.max(maxX, x);
        }
      }
    }
    expect(maxX).toBeGreaterThan(370);
    expect(minX).toBeGreaterThan(200);
  });
});
