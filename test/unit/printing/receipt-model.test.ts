import { describe, expect, it } from 'vitest';
import { buildReceipt, type Block, type KeyValueBlock, type TextBlock } from '../../../main/printing';
import { context, creditSale, pendingSale, stsSale } from '../../helpers/escpos-fixtures';

const texts = (blocks: Block[]): string[] => blocks.filter((b): b is TextBlock => b.kind === 'text').map((b) => b.text);
const kv = (blocks: Block[], en: string): KeyValueBlock | undefined =>
  blocks.find((b): b is KeyValueBlock => b.kind === 'keyValue' && b.label.en === en);

describe('buildReceipt', () => {
  it('carries every figure of an STS sale', () => {
    const r = buildReceipt(stsSale, context('en'), { copy: false });
    expect(kv(r.blocks, 'Receipt No.')?.value).toBe('10452');
    expect(kv(r.blocks, 'Date/time')?.value).toBe('2026-03-14 18:05:09');
    expect(kv(r.blocks, 'Meter No.')?.value).toBe('01234567890');
    expect(kv(r.blocks, 'Energy')?.value).toBe('265.5 kWh');
    expect(kv(r.blocks, 'Price per kWh')?.value).toBe('0.32 SAR');
    expect(kv(r.blocks, 'VAT 15%')?.value).toBe('13.04 SAR');
    expect(kv(r.blocks, 'Change')?.value).toBe('100.00 SAR');
    expect(r.blocks).toContainEqual({ kind: 'token', digits: '12345678901234567890' });
    expect(r.blocks).toContainEqual({ kind: 'qr', data: '12345678901234567890|01234567890|10452' });
    expect(r.blocks.at(-1)).toEqual({ kind: 'cut' });
    expect(texts(r.blocks).join(' ')).not.toMatch(/COPY/);
  });

  it('marks reprints and names who reprinted', () => {
    const r = buildReceipt(stsSale, context('ar', { cashierName: 'Omar' }), { copy: true });
    expect(texts(r.blocks)).toContain('COPY / نسخة');
    expect(kv(r.blocks, 'Cashier')?.value).toBe('Fatima Saleh');
    expect(kv(r.blocks, 'Reprinted by')?.value).toBe('Omar');
  });

  it('says in both languages that pending credit follows when the connection returns', () => {
    const r = buildReceipt(pendingSale, context('both'), { copy: false });
    const all = texts(r.blocks).join('\n');
    expect(all).toMatch(/credit will be applied to the meter when the connection returns/);
    expect(all).toMatch(/سيُضاف الرصيد إلى العداد عند عودة الاتصال/);
    expect(kv(r.blocks, 'Reference')?.value).toBe(pendingSale.id);
    expect(r.blocks.some((b) => b.kind === 'token')).toBe(false);
  });

  it('states plainly that no token was issued, or that the outcome is being confirmed', () => {
    const failed = buildReceipt({ ...stsSale, status: 'failed', token: null, errorMessage: { ar: 'رفض المورد', en: 'Vendor refused' } }, context('en'), { copy: false });
    expect(texts(failed.blocks)).toEqual(expect.arrayContaining(['No token was issued for this sale.', 'Vendor refused']));
    const unknown = buildReceipt({ ...stsSale, status: 'unknown', token: null }, context('en'), { copy: false });
    expect(texts(unknown.blocks).join(' ')).toMatch(/being confirmed/);
    expect(unknown.blocks.some((b) => b.kind === 'token')).toBe(false);
  });

  it('shows credit and estimated energy for a money-credit sale', () => {
    const r = buildReceipt(creditSale, context('en'), { copy: false });
    expect(kv(r.blocks, 'Credit')?.value).toBe('45.00 SAR');
    expect(kv(r.blocks, 'Est. energy')?.value).toBe('~140.6 kWh');
    expect(texts(r.blocks)).toContain('The credit has been sent to the meter');
  });

  it('keeps to one language unless asked for both', () => {
    const en = texts(buildReceipt(stsSale, context('en'), { copy: false }).blocks).join(' ');
    expect(en).not.toMatch(/[\u0600-\u06FF]/);
    const ar = buildReceipt(stsSale, context('ar'), { copy: false }).blocks.filter((b) => b.kind === 'text');
    expect(ar.every((b) => b.lang === 'ar')).toBe(true);
  });
});
