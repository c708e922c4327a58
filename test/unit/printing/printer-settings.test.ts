// The rules a supervisor's printer settings must pass, and the retry schedule of print jobs.
import { describe, expect, it } from 'vitest';
import type { PrinterSettings } from '../../../preload/contract';
import { AppError } from '../../../main/common/errors';
import { backoffMs, RETRY_MAX_MS } from '../../../main/printing/queue';
import { buildTestPage } from '../../../main/printing/test-page';
import { renderEscPos } from '../../../main/printing';
import { checkPrinterSettings } from '../../../main/printing/settings-rules';
import { decodeEscPos, textLines } from '../../helpers/escpos-decode';

const base: PrinterSettings = {
  iface: 'tcp://192.168.1.50:9100', widthMm: 80, profile: 'epson', language: 'both',
  utilityName: { ar: 'شركة الكهرباء', en: 'Electricity Co.' }, taxNumber: null, footer: null, cashDrawer: true,
};

// Which addresses are printers: printer-address.test.ts.
describe('checkPrinterSettings', () => {
  it('trims, and turns blank tax number, footer and address into "none"', () => {
    const s = checkPrinterSettings({ ...base, iface: '  ', taxNumber: ' ', footer: { ar: ' ', en: '' }, utilityName: { ar: ' شركة ', en: ' Co ' } });
    expect(s).toMatchObject({ iface: null, taxNumber: null, footer: null, utilityName: { ar: 'شركة', en: 'Co' } });
  });
  it('names every bad field in both languages', () => {
    let e: unknown;
    try {
      checkPrinterSettings({ ...base, iface: 'COM3', footer: { ar: 'x'.repeat(201), en: '' } });
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(AppError);
    const a = e as AppError;
    expect(a.code).toBe('BAD_INPUT');
    expect(a.issues).toEqual(['iface', 'footer']);
    expect(a.bilingual.ar).toMatch(/عنوان الطابعة.*تذييل الإيصال/);
    expect(a.bilingual.en).toMatch(/Printer address.*Footer/);
  });
});

describe('print job retries', () => {
  it('back off exponentially from 2 s up to a minute', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 30].map(backoffMs)).toEqual([2000, 4000, 8000, 16000, 32000, RETRY_MAX_MS, RETRY_MAX_MS, RETRY_MAX_MS]);
  });
});

describe('the test page', () => {
  it('carries printer text, drawn Arabic, the token digits and a cut', async () => {
    const page = buildTestPage({ utilityName: base.utilityName, language: 'both', iface: 'tcp://10.0.0.5:9100', widthMm: 80, profile: 'epson', counterName: 'Counter 1', at: '2026-03-14 18:05:09' });
    const ops = decodeEscPos(await renderEscPos(page, { widthMm: 80, profile: 'epson' }));
    const text = textLines(ops).map((l) => l.text);
    expect(text).toContain('PRINTER TEST');
    expect(text).toContain('1234 5678 9012 3456 7890');
    expect(ops.some((o) => o.op === 'raster')).toBe(true);
    expect(ops.some((o) => o.op === 'cut')).toBe(true);
    expect(ops.some((o) => o.op === 'unknown')).toBe(false);
    // In English the settings are printer text, so the address can be checked in the stream.
    const en = decodeEscPos(await renderEscPos({ ...page, language: 'en', blocks: page.blocks.filter((b) => b.kind !== 'text' || b.lang === 'en') }, { widthMm: 80, profile: 'epson' }));
    expect(textLines(en).some((l) => l.text.startsWith('Printer') && l.text.endsWith('tcp://10.0.0.5:9100'))).toBe(true);
  });
});
