// Golden images: the preview (= the printed raster plus imitated printer text) of fixed receipts,
// compared dot by dot with the PNGs in test/golden. Regenerate after an intended layout change
// with `UPDATE_GOLDEN=1 npx vitest run test/unit/printing/golden.test.ts`, then LOOK at them.
import { describe, it } from 'vitest';
import type { Sale } from '../../../preload/contract';
import { buildReceipt, renderPreview } from '../../../main/printing';
import { context, creditSale, pendingSale, stsSale } from '../../helpers/escpos-fixtures';
import { expectMatchesGolden } from '../../helpers/golden';

const kinds: Array<[name: string, sale: Sale, copy: boolean]> = [
  ['sts', stsSale, false],
  ['credit', creditSale, false],
  ['pending', pendingSale, false],
  ['reprint', stsSale, true],
];

describe('golden receipt images', () => {
  for (const [name, sale, copy] of kinds) {
    for (const language of ['ar', 'en', 'both'] as const) {
      for (const widthMm of [58, 80] as const) {
        it(`${name} ${language} ${widthMm} mm`, async () => {
          const receipt = buildReceipt(sale, context(language, copy ? { cashierName: 'Omar Nasser' } : {}), { copy });
          await expectMatchesGolden(renderPreview(receipt, widthMm).bitmap, `receipt-${name}-${language}-${widthMm}mm.png`);
        });
      }
    }
  }
});
