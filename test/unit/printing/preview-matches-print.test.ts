// The preview must show what the paper will show: every raster image in the byte stream must be,
// bit for bit, the matching region of the preview bitmap.
import { describe, expect, it } from 'vitest';
import { buildReceipt, renderEscPos, renderPreview, type Bitmap } from '../../../main/printing';
import { equalBitmaps, slice, stack } from '../../../main/printing/bitmap';
import { decodeEscPos, rasters } from '../../helpers/escpos-decode';
import { context, pendingSale, stsSale } from '../../helpers/escpos-fixtures';

const cases = [
  ['sts', stsSale, false],
  ['pending', pendingSale, false],
  ['reprint', stsSale, true],
] as const;

function previewRegions(receipt: Parameters<typeof renderPreview>[0], widthMm: 58 | 80): Bitmap[] {
  const p = renderPreview(receipt, widthMm);
  return p.rasters.map((r) => slice(p.bitmap, r.top, r.bitmap.height));
}

describe('preview equals what is printed', () => {
  for (const [name, sale, copy] of cases) {
    for (const language of ['ar', 'en', 'both'] as const) {
      for (const widthMm of [58, 80] as const) {
        it(`${name} ${language} ${widthMm} mm (epson GS v 0)`, async () => {
          const receipt = buildReceipt(sale, context(language), { copy });
          const sent = rasters(decodeEscPos(await renderEscPos(receipt, { widthMm, profile: 'epson' })));
          const shown = previewRegions(receipt, widthMm);
          expect(sent.length).toBeGreaterThanOrEqual(shown.length);
          // Tall regions are sent as several bands; stacked back together they must match exactly.
          expect(equalBitmaps(stack(sent), stack(shown))).toBe(true);
        });
      }
    }
  }

  it('star bands (padded to 24 rows) carry the same bits', async () => {
    const receipt = buildReceipt(stsSale, context('both'), { copy: false });
    const bands = rasters(decodeEscPos(await renderEscPos(receipt, { widthMm: 58, profile: 'star' }), 'star'));
    let next = 0;
    for (const region of previewRegions(receipt, 58)) {
      const n = Math.ceil(region.height / 24);
      const got = slice(stack(bands.slice(next, next + n)), 0, region.height);
      expect(equalBitmaps(got, region)).toBe(true);
      next += n;
    }
    expect(next).toBe(bands.length);
  });
});
