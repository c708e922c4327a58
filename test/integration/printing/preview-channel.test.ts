// receipts.preview is what the screen shows: the raster the printer received must be, dot for
// dot, the raster regions of that PNG, at both widths and in every receipt language.
import { afterEach, describe, expect, it } from 'vitest';
import { equalBitmaps, stack } from '../../../main/printing/bitmap';
import { decodeEscPos, rasters } from '../../helpers/escpos-decode';
import { startHarness, type Harness } from '../../helpers/harness';
import { previewRasters, sellSts } from './helpers';

let h: Harness;
afterEach(async () => h?.close());

describe('receipts.preview', () => {
  it('equals the printed raster, and follows the settings', async () => {
    h = await startHarness();
    await h.login('supervisor', '2222');
    const { settings } = await h.call('printer.settings', {});
    let n = 0;
    for (const [widthMm, language] of [[80, 'both'], [58, 'ar'], [58, 'en']] as const) {
      await h.call('printer.saveSettings', { ...settings, widthMm, language });
      const sale = await sellSts(h, 1000 + n * 500);
      const jobs = await h.sims.printer.waitForJobs(++n, 5_000);
      const printed = stack(rasters(decodeEscPos(jobs[n - 1]!)));
      const shown = await previewRasters(h, sale.id, false);
      expect(shown.width).toBe(widthMm === 80 ? 576 : 384);
      expect(equalBitmaps(printed, shown)).toBe(true);
      const p = await h.call('receipts.preview', { id: sale.id });
      expect(p.widthMm).toBe(widthMm);
      expect(Buffer.from(p.png, 'base64').subarray(1, 4).toString()).toBe('PNG');
    }
  });

  it('answers NOT_FOUND for an unknown sale', async () => {
    h = await startHarness();
    await h.login();
    const r = await h.raw('receipts.preview', { id: crypto.randomUUID() });
    expect(r.ok ? null : r.error.code).toBe('NOT_FOUND');
  });
});
