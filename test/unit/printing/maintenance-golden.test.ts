// The engineering-token slip: its own layout (no money), checked dot by dot against the golden
// image like the sale receipts (golden.test.ts). Regenerate after an intended layout change with
// `UPDATE_GOLDEN=1 npx vitest run test/unit/printing/maintenance-golden.test.ts`, then LOOK at it.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { renderEscPos, renderPreview, type Bitmap } from '../../../main/printing';
import { fromRgba, getDot, toPng } from '../../../main/printing/bitmap';
import { buildMaintenanceReceipt, type MaintenanceTicket } from '../../../main/printing/maintenance-receipt';
import { decodeEscPos, textLines } from '../../helpers/escpos-decode';
import { context } from '../../helpers/escpos-fixtures';

const GOLDEN_DIR = path.resolve(__dirname, '../../golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const TOLERANCE = 0.002;

export const ticket: MaintenanceTicket = {
  meterNumber: '04000001018',
  customerName: 'أحمد علي الصالح',
  purpose: 'repair',
  action: 'set_power_limit',
  powerLimitW: 2500,
  code: '56190318627045903814',
  tid: 4321987,
  issuedAt: '2026-03-01T09:15:00.000Z',
  expiresAt: '2026-03-01T10:15:00.000Z',
  supervisor: 'Omar Nasser',
};

async function readGolden(file: string): Promise<Bitmap> {
  const img = await loadImage(file);
  const ctx = createCanvas(img.width, img.height).getContext('2d');
  ctx.drawImage(img, 0, 0);
  return fromRgba(ctx.getImageData(0, 0, img.width, img.height).data, img.width, img.height, 128);
}

const ctxFor = (language: 'ar' | 'en' | 'both') => {
  const c = context(language);
  return { utilityName: c.utilityName, counterName: c.counterName, language, timeZone: c.timeZone };
};

describe('engineering token slip', () => {
  it('80 mm, Arabic and English: matches the golden image', async () => {
    const file = path.join(GOLDEN_DIR, 'maintenance-both-80mm.png');
    const actual = renderPreview(buildMaintenanceReceipt(ticket, ctxFor('both')), 80).bitmap;
    if (UPDATE || !existsSync(file)) {
      if (!UPDATE) throw new Error(`missing golden ${file}; run with UPDATE_GOLDEN=1 and inspect it`);
      mkdirSync(GOLDEN_DIR, { recursive: true });
      writeFileSync(file, toPng(actual));
      return;
    }
    const golden = await readGolden(file);
    expect({ width: actual.width, height: actual.height }).toEqual({ width: golden.width, height: golden.height });
    let diff = 0;
    for (let y = 0; y < actual.height; y++) for (let x = 0; x < actual.width; x++) if (getDot(actual, x, y) !== getDot(golden, x, y)) diff++;
    if (diff > TOLERANCE * actual.width * actual.height) writeFileSync(file.replace(/\.png$/, '.actual.png'), toPng(actual));
    expect(diff).toBeLessThanOrEqual(TOLERANCE * actual.width * actual.height);
  });

  it('prints the token as Latin digits in groups of four, says it is not a credit purchase, and has no money lines', async () => {
    for (const widthMm of [58, 80] as const) {
      const lines = textLines(decodeEscPos(await renderEscPos(buildMaintenanceReceipt(ticket, ctxFor('en')), { widthMm, profile: 'epson' }))).map((l) => l.text);
      // Double-size lines wrap on 58 mm (the token's groups stay whole): compare with the breaks as spaces.
      const all = lines.join(' ').replace(/\s+/g, ' ');
      expect(all).toContain('5619 0318 6270 4590 3814');
      expect(all).toMatch(/Engineering token/);
      expect(all).toMatch(/Set power limit/);
      expect(all).toMatch(/2500 W/);
      expect(all).toMatch(/Valid until 2026-03-01 13:15/);
      expect(all).toMatch(/Omar Nasser/);
      expect(all).toMatch(/not a credit purchase/);
      expect(all).not.toMatch(/SAR|Total|Tendered/);
    }
  });
});
