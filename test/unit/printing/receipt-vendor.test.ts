// A sale whose server priced and broke it down (XMLVend): the receipt carries the server's receipt
// number, tariff and transactions, and EVERY token in the order the meter must take them.
import { describe, expect, it } from 'vitest';
import { buildReceipt, type Block, type KeyValueBlock, type TextBlock } from '../../../main/printing';
import type { Sale } from '../../../preload/contract';
import { context, stsSale } from '../../helpers/escpos-fixtures';

const texts = (blocks: Block[]): string[] => blocks.filter((b): b is TextBlock => b.kind === 'text').map((b) => b.text);
const kv = (blocks: Block[], en: string): KeyValueBlock | undefined =>
  blocks.find((b): b is KeyValueBlock => b.kind === 'keyValue' && b.label.en === en);

// Hexing's answer for a meter whose key data changed, with a free basic electricity token
// (the shape of samples/CreditVendResp.3.xml): key change pair first, then credit, then FBE.
const served: Sale = {
  ...stsSale,
  token: '54209344103876518428',
  keyChangeTokens: ['08248409797159869462', '40560120821047291786'],
  vendorRef: '000000000000093',
  vendorReceipt: {
    protocol: 'xmlvend',
    receiptNo: '000000000000093',
    tariffName: 'MANTSOPA-TG2(FBE)',
    tokens: [
      { kind: 'kct1', digits: '08248409797159869462', energyTenths: null },
      { kind: 'kct2', digits: '40560120821047291786', energyTenths: null },
      { kind: 'credit', digits: '54209344103876518428', energyTenths: 710 },
      { kind: 'fbe', digits: '68519290044469126117', energyTenths: 500 },
    ],
    lines: [
      { type: 'CreditVendTx', desc: null, minor: 7826 },
      { type: 'VAT', desc: null, minor: 1174 },
      { type: 'ServiceChrgTx', desc: 'ServiceFee', minor: 4000 },
    ],
  },
};

describe('receipt of a sale the server broke down', () => {
  it('prints all four tokens, numbered in entry order, key change first', () => {
    const r = buildReceipt(served, context('en'), { copy: false });
    const tokens = r.blocks.filter((b) => b.kind === 'token').map((b) => (b as { digits: string }).digits);
    expect(tokens).toEqual(['08248409797159869462', '40560120821047291786', '54209344103876518428', '68519290044469126117']);
    const labels = texts(r.blocks).filter((t) => /^\d\)/.test(t));
    expect(labels).toEqual(['1) KEY CHANGE TOKEN 1', '2) KEY CHANGE TOKEN 2', '3) STS TOKEN · 71.0 kWh', '4) FREE BASIC ELECTRICITY TOKEN · 50.0 kWh']);
    expect(texts(r.blocks)).toContain('Enter the tokens on the meter in this order');
  });

  it('numbers the tokens in Arabic too', () => {
    const r = buildReceipt(served, context('ar'), { copy: false });
    expect(texts(r.blocks).filter((t) => /^[١-٩]\)/.test(t))[0]).toBe('١) رمز تغيير المفتاح الأول');
  });

  it("prints the server's receipt number, tariff and each transaction", () => {
    const r = buildReceipt(served, context('en'), { copy: false });
    expect(kv(r.blocks, 'Server receipt No.')?.value).toBe('000000000000093');
    expect(kv(r.blocks, 'Server tariff')?.value).toBe('MANTSOPA-TG2(FBE)');
    expect(kv(r.blocks, 'Energy value')?.value).toMatch(/^78\.26 /);
    expect(kv(r.blocks, 'VAT')?.value).toMatch(/^11\.74 /);
    expect(kv(r.blocks, 'Service charge: ServiceFee')?.value).toMatch(/^40\.00 /);
  });

  it('a sale without a server breakdown prints as before', () => {
    const r = buildReceipt(stsSale, context('en'), { copy: false });
    expect(kv(r.blocks, 'Server receipt No.')).toBeUndefined();
    expect(r.blocks.filter((b) => b.kind === 'token')).toHaveLength(1);
  });
});

describe('the free basic electricity transaction', () => {
  it('is named for what it is: a credit vend of no money', () => {
    const sale: Sale = { ...served, vendorReceipt: { ...served.vendorReceipt!, lines: [{ type: 'CreditVendTx', desc: null, minor: 0 }, ...served.vendorReceipt!.lines] } };
    const r = buildReceipt(sale, context('en'), { copy: false });
    expect(kv(r.blocks, 'Free basic electricity')?.value).toMatch(/^0\.00 /);
  });
});
