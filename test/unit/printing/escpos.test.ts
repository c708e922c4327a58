import { describe, expect, it } from 'vitest';
import { buildReceipt, renderEscPos } from '../../../main/printing';
import { decodeEscPos, rasters, textLines } from '../../helpers/escpos-decode';
import { context, pendingSale, stsSale } from '../../helpers/escpos-fixtures';

describe('renderEscPos', () => {
  for (const widthMm of [58, 80] as const) {
    it(`puts the token digits in the stream as double-size text (${widthMm} mm)`, async () => {
      const bytes = await renderEscPos(buildReceipt(stsSale, context('ar'), { copy: false }), { widthMm, profile: 'epson' });
      const ops = decodeEscPos(bytes);
      expect(ops.filter((o) => o.op === 'unknown')).toEqual([]);
      const big = textLines(ops).filter((l) => l.width === 2 && l.height === 2);
      const digits = big.map((l) => l.text).join(' ');
      expect(digits).toBe('1234 5678 9012 3456 7890');
      // 80 mm fits the whole token on one line; 58 mm splits it between groups, never inside one.
      expect(big.length).toBe(widthMm === 80 ? 1 : 2);
    });

    it(`sends Arabic as full-width raster images (${widthMm} mm)`, async () => {
      const bytes = await renderEscPos(buildReceipt(stsSale, context('ar'), { copy: false }), { widthMm, profile: 'epson' });
      const images = rasters(decodeEscPos(bytes));
      expect(images.length).toBeGreaterThan(0);
      for (const img of images) {
        expect(img.width).toBe(widthMm === 58 ? 384 : 576);
        expect(img.height).toBeGreaterThan(0);
        expect(img.height).toBeLessThanOrEqual(1024);
        expect(img.data.some((byte) => byte !== 0)).toBe(true);
      }
      // No Arabic byte ever goes out as text: printers cannot shape it.
      const text = textLines(decodeEscPos(bytes)).map((l) => l.text).join('');
      expect(text).toMatch(/^[\x20-\x7e]*$/);
    });
  }

  it('prints an English receipt without any raster except the QR', async () => {
    const sale = { ...stsSale, customerName: 'Mohammed Abdullah' };
    const bytes = await renderEscPos(buildReceipt(sale, context('en'), { copy: false }), { widthMm: 80, profile: 'epson' });
    const ops = decodeEscPos(bytes);
    const lines = textLines(ops).map((l) => l.text);
    expect(lines).toContain('National Electricity Co.');
    expect(lines.some((l) => /^Meter No\.\s+01234567890$/.test(l))).toBe(true);
    expect(rasters(ops)).toHaveLength(1);
  });

  it('draws any line that is not plain ASCII, even on an English receipt (an Arabic customer name)', async () => {
    const bytes = await renderEscPos(buildReceipt(stsSale, context('en'), { copy: false }), { widthMm: 80, profile: 'epson' });
    const ops = decodeEscPos(bytes);
    expect(rasters(ops)).toHaveLength(2);
    expect(textLines(ops).some((l) => l.text.startsWith('Customer'))).toBe(false);
  });

  it('starts with ESC @, kicks the drawer only when asked, and ends with a cut', async () => {
    const receipt = buildReceipt(pendingSale, context('both'), { copy: false });
    const plain = decodeEscPos(await renderEscPos(receipt, { widthMm: 58, profile: 'epson' }));
    expect(plain[0]).toEqual({ op: 'init' });
    expect(plain.some((o) => o.op === 'drawer')).toBe(false);
    const cutAt = plain.findIndex((o) => o.op === 'cut');
    expect(cutAt).toBeGreaterThan(0);
    expect(plain.slice(cutAt + 1)).toEqual([{ op: 'init' }]);

    const kick = decodeEscPos(await renderEscPos(receipt, { widthMm: 58, profile: 'epson', openDrawer: true }));
    expect(kick[1]).toEqual({ op: 'drawer', pin: 2 });
    expect(kick.filter((o) => o.op === 'unknown')).toEqual([]);
  });

  it('speaks Star line mode for the star profile', async () => {
    const receipt = buildReceipt(stsSale, context('both'), { copy: true });
    const ops = decodeEscPos(await renderEscPos(receipt, { widthMm: 80, profile: 'star', openDrawer: true }), 'star');
    expect(ops.filter((o) => o.op === 'unknown')).toEqual([]);
    expect(ops.some((o) => o.op === 'drawer')).toBe(true);
    expect(ops.some((o) => o.op === 'cut')).toBe(true);
    expect(textLines(ops).find((l) => l.width === 2)?.text).toBe('1234 5678 9012 3456 7890');
    expect(rasters(ops).every((img) => img.width === 576 && img.height === 24)).toBe(true);
  });
});
