// The engineering-token slip: its own layout (no money), checked dot by dot against the golden
// image like the sale receipts (golden.test.ts). Regenerate after an intended layout change with
// `UPDATE_GOLDEN=1 npx vitest run test/unit/printing/maintenance-golden.test.ts`, then LOOK at it.
import { describe, expect, it } from 'vitest';
import { renderEscPos, renderPreview } from '../../../main/printing';
import { buildMaintenanceReceipt, type MaintenanceTicket } from '../../../main/printing/maintenance-receipt';
import { decodeEscPos, textLines } from '../../helpers/escpos-decode';
import { context } from '../../helpers/escpos-fixtures';
import { expectMatchesGolden } from '../../helpers/golden';

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

const ctxFor = (language: 'ar' | 'en' | 'both') => {
  const c = context(language);
  return { utilityName: c.utilityName, counterName: c.counterName, language, timeZone: c.timeZone };
};

describe('engineering token slip', () => {
  it('80 mm, Arabic and English: matches the golden image', async () => {
    await expectMatchesGolden(renderPreview(buildMaintenanceReceipt(ticket, ctxFor('both')), 80).bitmap, 'maintenance-both-80mm.png');
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
