// Vend responses beyond the summary: the details of every token and transaction, and what the
// receipt shows (tender, change, client credit, utility, vendor, customer, meter).
import { describe, expect, it } from 'vitest';
import type { ParsedMessage } from '../../../main/vendors/xmlvend/model';
import { read } from './samples';

const total = (m: ParsedMessage) => m.transactions.reduce((s, t) => s + t.minor, 0);

describe('Hexing (Centlec, South Africa)', () => {
  it('CreditVendResp.1: one sale with VAT as its own entry, adding up to the tender', () => {
    const m = read('CreditVendResp.1.xml');
    expect(m.soap).toBe('1.1');
    expect(m.schemaType).toBe('CreditVendResp');
    expect(m.tokens).toEqual([{ kind: 'credit', digits: '24563810754260247291', desc: 'SaleCredTokenIssue', issue: 'SaleCredTokenIssue', units: { value: '64.7', siUnit: 'KWH' } }]);
    expect(m.transactions).toEqual([
      { type: 'CreditVendTx', currency: 'ZAR', minor: 7826, receiptNo: '000000000000090', tariff: 'MANGAUNG-TG1(FBE)' },
      { type: 'VAT', currency: 'ZAR', minor: 1174, rate: '0.1500' },
    ]);
    expect(m.lessRound).toEqual({ currency: 'ZAR', minor: 9000 });
    expect(m.tenderAmt).toEqual({ currency: 'ZAR', minor: 9000 });
    expect(m.change).toEqual({ currency: 'ZAR', minor: 0 });
    expect(total(m)).toBe(m.tenderAmt!.minor);
    expect(m.clientStatus).toEqual({ availCredit: { currency: 'ZAR', minor: -18000 } });
    expect(m.clientID).toBe('0000000000026');
    expect(m.serverID).toBe('3210987654321');
    expect(m.terminalID).toBe('0000000000026');
    expect(m.respDateTime).toBe('2020-03-27T13:03:00.000+02:00');
    expect(m.dispHeader).toBe('CREDIT VEND – TAX INVOICE|0|0|0');
    expect(m.utility).toEqual({ name: 'MDC Tenant', address: ' ', taxRef: null });
    expect(m.vendor).toEqual({ name: 'SL116 Homegrown', address: 'Gauteng Johannesburg', taxRef: null });
    expect(m.customer).toEqual({ name: 'test-key', address: 'SA test', accNo: 'CN_1234567891011', locRef: '(8012)SMITHFIELD', contactNo: null, daysLastPurchase: 1 });
    expect(m.meterDetail).toEqual({
      msno: '14339800360', sgc: '008000', krn: '1', ti: '01', tt: '02', at: '07',
      minVendAmt: '33.33', maxVendAmt: '300.00', minVendEng: '24.96', maxVendEng: '224.70',
    });
  });

  it('CreditVendResp.2: a service charge after the sale; "null" vend limits are absent', () => {
    const m = read('CreditVendResp.2.xml');
    expect(m.transactions[2]).toEqual({ type: 'ServiceChrgTx', currency: 'ZAR', minor: 4000, accDesc: 'ServiceFee', accNo: 'yh_162431', tariff: 'SchemaWithServiceFee' });
    expect(total(m)).toBe(9000);
    expect(m.meterDetail).toMatchObject({ msno: '04092131467', sgc: '008024', minVendAmt: null, maxVendAmt: null, minVendEng: null, maxVendEng: null });
  });

  it('CreditVendResp.3: the key-change pair first, then the FBE token and the sale as listed', () => {
    const m = read('CreditVendResp.3.xml');
    expect(m.tokens).toEqual([
      { kind: 'kct1', digits: '08248409797159869462', desc: 'KCTokenIssue' },
      { kind: 'kct2', digits: '40560120821047291786', desc: 'KCTokenIssue' },
      { kind: 'fbe', digits: '68519290044469126117', desc: 'FBECredTokenIssue', issue: 'FBECredTokenIssue', units: { value: '50.0', siUnit: 'KWH' } },
      { kind: 'credit', digits: '54209344103876518428', desc: 'SaleCredTokenIssue', issue: 'SaleCredTokenIssue', units: { value: '71.0', siUnit: 'KWH' } },
    ]);
    expect(m.transactions.map((t) => [t.type, t.minor, t.receiptNo])).toEqual([
      ['CreditVendTx', 0, '000000000000093'], ['CreditVendTx', 7826, '000000000000093'], ['VAT', 1174, undefined],
    ]);
    expect(total(m)).toBe(m.tenderAmt!.minor);
    expect(m.clientStatus?.availCredit).toEqual({ currency: 'ZAR', minor: -36000 });
  });

  it('TrialCreditVendResp.1: the trial token is twenty zeros, still a token', () => {
    expect(read('TrialCreditVendResp.1.xml').tokens).toEqual([
      { kind: 'credit', digits: '00000000000000000000', desc: 'SaleCredTokenIssue', issue: 'SaleCredTokenIssue', units: { value: '64.7', siUnit: 'KWH' } },
    ]);
  });
});

describe('Conlog (ENDE, Angola)', () => {
  it('CreditVendResp.4: sale and VAT charge add up to the tender; the step tariff is kept, its rates as sent', () => {
    const m = read('CreditVendResp.4.xml');
    expect(m.transactions[0]).toEqual({
      type: 'CreditVendTx', currency: 'AOA', minor: 8772, receiptNo: '43', tariff: 'BT DOMÉSTICA SOCIAL -I (BT DSI)',
      tariffSteps: [
        { units: { value: '12.9', siUnit: 'kWh' }, rate: { value: '2.46000', symbol: 'AOA' } },
        { units: { value: '8.8', siUnit: 'kWh' }, rate: { value: '6.41000', symbol: 'AOA' } },
        { units: { value: '0', siUnit: 'kWh' }, rate: { value: '10.89000', symbol: 'AOA' } },
      ],
    });
    expect(m.transactions[1]).toEqual({ type: 'ServiceChrgTx', currency: 'AOA', minor: 1228, accDesc: 'VAT' });
    expect(total(m)).toBe(10000);
    expect(m.tenderAmt).toEqual({ currency: 'AOA', minor: 10000 });
    expect(m.change).toEqual({ currency: 'AOA', minor: 0 });
    expect(m.lessRound).toBeNull();
    expect(m.clientStatus?.availCredit).toEqual({ currency: 'AOA', minor: 9999795000 });
    expect(m.vendor).toBeNull();
    expect(m.utility).toEqual({ name: 'ENDE', address: 'Angola', taxRef: '0' });
    expect(m.operatorMsg).toBe('Credit Purchase Successful');
    expect(m.custMsg).toBe('Credit Purchase');
    expect(m.clientID).toBe('PAGASO');
    expect(m.serverID).toBe('1');
    expect(m.meterDetail).toMatchObject({ msno: '04040404040', sgc: '901047', krn: '1', ti: '1', tt: '02', at: null });
  });

  it('CreditVendResp.5: the key-change carriers (no amount) give kct1 and kct2 first and no entry', () => {
    const m = read('CreditVendResp.5.xml');
    expect(m.tokens).toEqual([
      { kind: 'kct1', digits: '02901047011105026251', desc: 'KeyChange Token1', issue: 'SaleCredTokenIssue', units: { value: '0', siUnit: 'kWh' } },
      { kind: 'kct2', digits: '02901047021105026251', desc: 'KeyChange Token2', issue: 'SaleCredTokenIssue', units: { value: '0', siUnit: 'kWh' } },
      { kind: 'credit', digits: '04040404198000000596', desc: 'Credit Token', issue: 'SaleCredTokenIssue', units: { value: '59.6', siUnit: 'kWh' } },
    ]);
    expect(m.transactions.map((t) => [t.type, t.minor])).toEqual([['CreditVendTx', 87719], ['ServiceChrgTx', 12281]]);
    expect(total(m)).toBe(100000);
    expect(m.tenderAmt).toEqual({ currency: 'AOA', minor: 100000 });
    expect(m.clientStatus?.availCredit).toEqual({ currency: 'AOA', minor: 9987553895 });
    expect(m.customer).toEqual({ name: 'Simon Sais', address: 'Physical, KZN, La Mercy, Mzimkulu drive', accNo: 'ACC008', locRef: 'ERF008', contactNo: null, daysLastPurchase: 1 });
  });

  it('TrialCreditVendResp.2: a quote without a token; 8-decimal amounts with zeros are exact', () => {
    const m = read('TrialCreditVendResp.2.xml');
    expect(m.tokens).toEqual([]);
    expect(m.transactions.map((t) => t.minor)).toEqual([78948, 11052]);
    expect(m.tenderAmt).toEqual({ currency: 'AOA', minor: 90000 });
    expect(m.change).toEqual({ currency: 'AOA', minor: 0 });
  });

  it('the body-only dump reads like the enveloped answer (CreditVendResp.6 is the vend LastRespAdviceResp.3 recovers)', () => {
    const dump = read('CreditVendResp.6.xml');
    const original = read('LastRespAdviceResp.3.xml').lastResponse!;
    expect(dump.soap).toBeNull();
    expect(dump.type).toBe('creditVendResp');
    expect(dump.schemaType).toBe('CreditVendResp');
    expect(dump.dispHeader).toBe('Credit Purchase');
    expect(dump.respDateTime).toBe('2021-12-14T13:08:23.1273165+00:00');
    expect(dump.customer?.daysLastPurchase).toBeNull();
    for (const key of ['type', 'reqMsgID', 'receiptNo', 'tokens', 'transactions', 'tenderAmt', 'change', 'clientStatus', 'utility', 'meterDetail'] as const) {
      expect(original[key], key).toEqual(dump[key]);
    }
  });
});
