// The other answers (customer confirmation, advice, reprint, account payment, login, faults) and
// the requests, beyond the summary.
import { describe, expect, it } from 'vitest';
import { read } from './samples';

describe('confirmCustomerResp', () => {
  it('Hexing: the customer, what may be vended, and the meter with its vend limits', () => {
    const m = read('ConfirmCustomerResp.1.xml');
    expect(m.customers).toEqual([{
      customer: { name: 'test-key', address: 'SA test', accNo: 'CN_1234567891011', locRef: '(8012)SMITHFIELD', contactNo: '0000000', daysLastPurchase: 10 },
      canVend: true,
      fbeDue: false,
      maxVendAmt: { currency: 'ZAR', minor: 150000 },
      minVendAmt: { currency: 'ZAR', minor: 0 },
      meterDetail: { msno: '14339800360', sgc: '008000', krn: '1', ti: '01', tt: '02', at: '07', minVendAmt: '33.33', maxVendAmt: '300.00', minVendEng: '24.96', maxVendEng: '224.70' },
    }]);
    expect(m.customer).toEqual(m.customers[0]!.customer);
    expect(m.meterDetail).toEqual(m.customers[0]!.meterDetail);
    expect(m.dispHeader).toBeNull();
    expect(m.tokens).toEqual([]);
  });

  it('Conlog, enveloped and body-only: the same customer', () => {
    const soap = read('ConfirmCustomerResp.2.xml');
    const dump = read('ConfirmCustomerResp.3.xml');
    expect(soap.customers).toHaveLength(1);
    expect(soap.customers[0]).toEqual({
      customer: { name: 'John     Smith', address: 'Physical, KZN, Durban, Overport, Brickfield', accNo: 'ACC001', locRef: 'ERF001', contactNo: 'Cell:0812345678', daysLastPurchase: 0 },
      canVend: true,
      fbeDue: null,
      maxVendAmt: { currency: 'AOA', minor: 10000000 },
      minVendAmt: { currency: 'AOA', minor: 0 },
      meterDetail: { msno: '04040404040', sgc: '901047', krn: '1', ti: '1', tt: '02', at: null, minVendAmt: null, maxVendAmt: null, minVendEng: null, maxVendEng: null },
    });
    expect(dump.customers[0]).toEqual({ ...soap.customers[0], customer: { ...soap.customers[0]!.customer, daysLastPurchase: null } });
    expect(soap.utility).toEqual({ name: 'ENDE', address: 'Angola', taxRef: '0' });
    expect(dump.dispHeader).toBe('Confirm Customer');
  });
});

describe('adviceResp (last response)', () => {
  it('Hexing: keeps the advised msgID and reads the original vend inside', () => {
    const m = read('LastRespAdviceResp.1.xml');
    expect(m.schemaType).toBe('LastRespAdviceResp');
    expect(m.reqMsgID).toEqual({ dateTime: '01911270000296', uniqueNumber: '4002' });
    expect(m.adviceReqMsgID).toEqual({ dateTime: '01911270000296', uniqueNumber: '4001' });
    const o = m.lastResponse!;
    expect(o.type).toBe('creditVendResp');
    expect(o.schemaType).toBe('CreditVendResp');
    expect(o.reqMsgID).toEqual({ dateTime: '01911270000296', uniqueNumber: '4002' });
    expect(o.receiptNo).toBe('000000000000082');
    expect(o.respDateTime).toBe('2020-03-17T10:44:29.000+02:00');
    expect(o.tenderAmt).toEqual({ currency: 'ZAR', minor: 9000 });
    expect(o.customer?.name).toBe('test-key');
    expect([m.tokens, m.transactions, m.receiptNo, m.fault]).toEqual([o.tokens, o.transactions, o.receiptNo, o.fault]);
  });

  it('Conlog, enveloped and body-only', () => {
    const soap = read('LastRespAdviceResp.2.xml');
    expect(soap.adviceReqMsgID).toEqual({ dateTime: '20210121101931', uniqueNumber: '0251' });
    expect(soap.lastResponse?.reqMsgID).toEqual({ dateTime: '20210121101931', uniqueNumber: '0251' });
    expect(soap.lastResponse?.tokens.map((t) => t.digits)).toEqual(['04040404040000000217']);
    expect(soap.custMsg).toBeNull();
    const dump = read('LastRespAdviceResp.3.xml');
    expect(dump.schemaType).toBe('LastRespAdviceResp');
    expect(dump.adviceReqMsgID).toEqual({ dateTime: '20211214130820', uniqueNumber: '320' });
    expect(dump.lastResponse?.receiptNo).toBe('19');
  });
});

describe('reprintResp', () => {
  it('Hexing: each earlier vend read on its own, in the order sent', () => {
    const m = read('ReprintResp.1.xml');
    expect(m.reprints.map((r) => [r.type, r.receiptNo, r.respDateTime, r.tokens.map((t) => t.digits)])).toEqual([
      ['creditVendResp', '000000000000082', '2020-03-17T10:44:29.000+02:00', ['51372007063548978410']],
      ['creditVendResp', '000000000000090', '2020-03-27T13:02:54.000+02:00', ['24563810754260247291']],
    ]);
    expect(m.terminalID).toBe('R202003,202004');
  });

  it('Conlog ReprintResp.3: five earlier sales with their VAT charges, each adding up to its tender', () => {
    const m = read('ReprintResp.3.xml');
    expect(m.reprints.map((r) => [r.receiptNo, r.reqMsgID?.uniqueNumber, r.tenderAmt?.minor, r.transactions.map((t) => [t.type, t.minor, t.accDesc ?? null])])).toEqual([
      ['391', '0039', 10000, [['CreditVendTx', 8772, null], ['ServiceChrgTx', 1228, 'VAT']]],
      ['390', '0280', 200, [['CreditVendTx', 175, null], ['ServiceChrgTx', 25, 'VAT']]],
      ['389', '0279', 200, [['CreditVendTx', 175, null], ['ServiceChrgTx', 25, 'VAT']]],
      ['388', '0278', 200, [['CreditVendTx', 175, null], ['ServiceChrgTx', 25, 'VAT']]],
      ['387', '0153', 10000, [['CreditVendTx', 8772, null], ['ServiceChrgTx', 1228, 'VAT']]],
    ]);
    for (const r of m.reprints) expect(r.transactions.reduce((s, t) => s + t.minor, 0)).toBe(r.tenderAmt!.minor);
    expect(m.reprints[1]!.tokens).toEqual([{ kind: 'credit', digits: '04040404040000000002', desc: 'Credit Token', issue: 'SaleCredTokenIssue', units: { value: '0.2', siUnit: 'kWh' } }]);
    expect(m.reprints[0]!.customer?.name).toBe('John Smith');
  });

  it('Conlog body-only ReprintResp.4', () => {
    const m = read('ReprintResp.4.xml');
    expect(m.reprints).toHaveLength(1);
    expect(m.reprints[0]!.serverID).toBe('4');
    expect(m.reprints[0]!.clientStatus).toEqual({ availCredit: { currency: 'AOA', minor: 0 } });
  });
});

describe('payAccResp', () => {
  it('a debt recovery with what is still owed, and the meter of the account', () => {
    const m = read('PayAccResp.1.xml');
    expect(m.transactions).toEqual([{
      type: 'DebtRecoveryTx', currency: 'AOA', minor: 10000, receiptNo: '45', accDesc: 'Arrears Debt Collection', accNo: 'ARREARACC005_2',
      balance: { currency: 'AOA', minor: 101860000 },
    }]);
    expect(m.meterDetail).toMatchObject({ msno: '04040404065', sgc: '901047', krn: '1', ti: '2', tt: '02' });
    expect(m.customer?.accNo).toBe('ACC005');
    expect(m.operatorMsg).toBe('Pay Account Successfull');
    expect(read('PayAccResp.2.xml').transactions[0]?.balance).toEqual({ currency: 'AOA', minor: 101590000 });
    expect(read('PayAccResp.3.xml').transactions[0]?.balance).toEqual({ currency: 'AOA', minor: 101900000 });
  });
});

describe('faults', () => {
  it('SOAP 1.1 with an XMLVend SystemEx in its detail', () => {
    const m = read('FaultResp.1.xml');
    expect(m.soap).toBe('1.1');
    expect(m.fault).toEqual({ type: 'SystemEx', description: 'Separate free electricity purchase is closed', code: 'VD.17020012' });
    expect(m.tokens).toEqual([]);
  });

  it('SOAP 1.2 from .NET without an XMLVend exception: the reason\'s first line, no stack trace', () => {
    const m = read('FaultResp.2.xml');
    expect(m.soap).toBe('1.2');
    expect(m.fault?.type).toBe('soapfault');
    expect(m.fault?.code).toBe('soap:Sender');
    expect(m.fault?.description).toMatch(/^System\.Web\.Services\.Protocols\.SoapException: Server was unable to read request\./);
    expect(m.fault?.description).not.toMatch(/\n|\bat Microsoft\.Xml|End of inner exception/);
  });
});

describe('Hexing login', () => {
  it('loginReq is a request; its answer <user> has no message id', () => {
    expect(read('LoginReq.1.xml').request?.opName).toBe('AG000026');
    const m = read('LoginResp.1.xml');
    expect([m.type, m.reqMsgID, m.fault, m.request]).toEqual(['user', null, null, null]);
  });
});

describe('requests', () => {
  it('Hexing creditVendReq: meter, amount as sent (AZM is not settled from), operator', () => {
    const m = read('CreditVendReq.1.xml');
    expect(m.schemaType).toBe('CreditVendReq');
    expect(m.clientID).toBe('0000000000026');
    expect(m.request).toEqual({
      opName: 'AG000026', msno: '14339800360', accNo: null, purchase: { value: '90.00', symbol: 'AZM' }, purchaseUnits: null,
      reqAmt: null, payType: null, tender: null, payAccount: null,
    });
    expect(m.transactions).toEqual([]);
  });

  it('Conlog body-only creditVendReq with cash', () => {
    expect(read('CreditVendReq.3.xml').request).toMatchObject({ msno: '04040404040', purchase: { value: '100', symbol: 'AOA' }, payType: 'Cash', tender: { value: '100', symbol: 'AOA' } });
  });

  it('payAccReq: the account, the amount and the kind of payment', () => {
    expect(read('PayAccReq.1.xml').request).toMatchObject({ accNo: 'ARREARACC005_2', reqAmt: { value: '100', symbol: 'AOA' }, payType: 'Cash', tender: { value: '100', symbol: 'AOA' }, payAccount: 'DebtRecovery' });
    expect(read('PayAccReq.2.xml').request?.reqAmt).toEqual({ value: '1000', symbol: 'AOA' });
  });

  it('adviceReq carries the msgID it asks about', () => {
    const m = read('LastRespAdviceReq.1.xml');
    expect(m.schemaType).toBe('LastRespAdviceReq');
    expect(m.adviceReqMsgID).toEqual({ dateTime: '01911270000296', uniqueNumber: '4001' });
    expect(read('LastRespAdviceReq.2.xml').adviceReqMsgID).toEqual({ dateTime: '20210121101931', uniqueNumber: '0251' });
    expect(read('LastRespAdviceReq.3.xml').adviceReqMsgID).toEqual({ dateTime: '20211214130820', uniqueNumber: '320' });
  });

  it('the SoapUI skeleton (SOAP 1.2, bare texts, msgID@sequenceNumber) still reads', () => {
    const m = read('TrialCreditVendReq.3.xml');
    expect(m.soap).toBe('1.2');
    expect(m.clientID).toBe('PAGASO');
    expect(m.request).toMatchObject({ msno: '04040404040', purchase: null, payType: null });
  });

  it('reprint, confirm customer and trial requests name their meter', () => {
    for (const f of ['ReprintReq.2.xml', 'ReprintReq.3.xml', 'ConfirmCustomerReq.2.xml', 'TrialCreditVendReq.4.xml']) expect(read(f).request?.msno, f).toBe('04040404040');
    expect(read('TrialCreditVendReq.2.xml').request?.purchase).toEqual({ value: '900.00000000', symbol: 'AOA' });
  });
});
