// Every captured message in test/fixtures/xmlvend/samples, read into what the checks and the receipt
// rely on. The expectations were written from the XML by hand: token digits, receipt numbers and
// amounts in minor units (ZAR and AOA have 2 decimals).
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TokenKind } from '../../../main/vendors/xmlvend/model';
import { read, SAMPLES, summary } from './samples';

interface Expected {
  type: string;
  id: [string, string] | null;
  receiptNo?: string | null;
  tokens?: [TokenKind, string][];
  transactions?: [string, string, number][];
  fault?: { type: string; description: string } | null;
}

const ZAR_SALE: [string, string, number][] = [['CreditVendTx', 'ZAR', 7826], ['VAT', 'ZAR', 1174]];
const AOA_SALE: [string, string, number][] = [['CreditVendTx', 'AOA', 8772], ['ServiceChrgTx', 'AOA', 1228]];
const AOA_SMALL: [string, string, number][] = [['CreditVendTx', 'AOA', 175], ['ServiceChrgTx', 'AOA', 25]];

const DOTNET_READ_ERROR = "System.Web.Services.Protocols.SoapException: Server was unable to read request. ---> System.InvalidOperationException: There is an error in XML document (6, 11). ---> System.InvalidOperationException: The specified type is abstract: name='DeviceID', namespace='http://www.nrs.eskom.co.za/xmlvend/base/2.1/schema', at <clientID xmlns='http://www.nrs.eskom.co.za/xmlvend/base/2.1/schema'>.";

const EXPECTED: Record<string, Expected> = {
  'ConfirmCustomerReq.1.xml': { type: 'confirmCustomerReq', id: ['20191126090312', '972238'] },
  'ConfirmCustomerReq.2.xml': { type: 'confirmCustomerReq', id: ['20210121101922', '022'] },
  'ConfirmCustomerReq.3.xml': { type: 'confirmCustomerReq', id: ['20211214130716', '729'] },
  'ConfirmCustomerResp.1.xml': { type: 'confirmCustomerResp', id: ['20191126090312', '972238'] },
  'ConfirmCustomerResp.2.xml': { type: 'confirmCustomerResp', id: ['20210121101922', '022'] },
  'ConfirmCustomerResp.3.xml': { type: 'confirmCustomerResp', id: ['20211214130716', '729'] },
  'CreditVendReq.1.xml': { type: 'creditVendReq', id: ['201911270000296', '4003'] },
  'CreditVendReq.2.xml': { type: 'creditVendReq', id: ['20210121101931', '0251'] },
  'CreditVendReq.3.xml': { type: 'creditVendReq', id: ['20211214130820', '320'] },
  'CreditVendResp.1.xml': {
    type: 'creditVendResp', id: ['01911270000296', '4002'], receiptNo: '000000000000090',
    tokens: [['credit', '24563810754260247291']], transactions: ZAR_SALE,
  },
  'CreditVendResp.2.xml': {
    type: 'creditVendResp', id: ['201911270000296', '4003'], receiptNo: '000000000000092',
    tokens: [['credit', '42484817713023669245']],
    transactions: [['CreditVendTx', 'ZAR', 4348], ['VAT', 'ZAR', 652], ['ServiceChrgTx', 'ZAR', 4000]],
  },
  'CreditVendResp.3.xml': {
    type: 'creditVendResp', id: ['201911270000296', '4004'], receiptNo: '000000000000093',
    tokens: [['kct1', '08248409797159869462'], ['kct2', '40560120821047291786'], ['fbe', '68519290044469126117'], ['credit', '54209344103876518428']],
    transactions: [['CreditVendTx', 'ZAR', 0], ...ZAR_SALE],
  },
  'CreditVendResp.4.xml': {
    type: 'creditVendResp', id: ['20210121101931', '0251'], receiptNo: '43',
    tokens: [['credit', '04040404040000000217']], transactions: AOA_SALE,
  },
  'CreditVendResp.5.xml': {
    type: 'creditVendResp', id: ['20220110115024', '0417'], receiptNo: '626',
    tokens: [['kct1', '02901047011105026251'], ['kct2', '02901047021105026251'], ['credit', '04040404198000000596']],
    transactions: [['CreditVendTx', 'AOA', 87719], ['ServiceChrgTx', 'AOA', 12281]],
  },
  'CreditVendResp.6.xml': {
    type: 'creditVendResp', id: ['20211214130820', '320'], receiptNo: '19',
    tokens: [['credit', '04040404040000000357']], transactions: AOA_SALE,
  },
  'FaultResp.1.xml': { type: 'fault', id: null, fault: { type: 'SystemEx', description: 'Separate free electricity purchase is closed' } },
  'FaultResp.2.xml': { type: 'fault', id: null, fault: { type: 'soapfault', description: DOTNET_READ_ERROR } },
  'FbeReq.1.xml': { type: 'fbeReq', id: ['01911270000296', '12992'] },
  'LastRespAdviceReq.1.xml': { type: 'adviceReq', id: ['201911270000296', '4002'] },
  'LastRespAdviceReq.2.xml': { type: 'adviceReq', id: ['20211217125409', '771'] },
  'LastRespAdviceReq.3.xml': { type: 'lastRespAdviceReq', id: ['20211214131006', '860'] },
  'LastRespAdviceResp.1.xml': {
    type: 'adviceResp', id: ['01911270000296', '4002'], receiptNo: '000000000000082',
    tokens: [['credit', '51372007063548978410']], transactions: ZAR_SALE,
  },
  'LastRespAdviceResp.2.xml': {
    type: 'adviceResp', id: ['20211217125409', '771'], receiptNo: '43',
    tokens: [['credit', '04040404040000000217']], transactions: AOA_SALE,
  },
  'LastRespAdviceResp.3.xml': {
    type: 'lastRespAdviceResp', id: ['20211214131006', '860'], receiptNo: '19',
    tokens: [['credit', '04040404040000000357']], transactions: AOA_SALE,
  },
  'LoginReq.1.xml': { type: 'loginReq', id: ['20191126090312', '972238'] },
  'LoginResp.1.xml': { type: 'user', id: null },
  'PayAccReq.1.xml': { type: 'payAccReq', id: ['20211217125729', '369'] },
  'PayAccReq.2.xml': { type: 'payAccReq', id: ['20211214131021', '12'] },
  'PayAccResp.1.xml': { type: 'payAccResp', id: ['20211217185000', '369'], receiptNo: '45', transactions: [['DebtRecoveryTx', 'AOA', 10000]] },
  'PayAccResp.2.xml': { type: 'payAccResp', id: ['20220112211643', '0382'], receiptNo: '846', transactions: [['DebtRecoveryTx', 'AOA', 10000]] },
  'PayAccResp.3.xml': { type: 'payAccResp', id: ['20211214131222', '12'], receiptNo: '21', transactions: [['DebtRecoveryTx', 'AOA', 100000]] },
  'ReprintReq.1.xml': { type: 'reprintReq', id: ['201911270000296', '4002'] },
  'ReprintReq.2.xml': { type: 'reprintReq', id: ['20211217112613', '834'] },
  'ReprintReq.3.xml': { type: 'reprintReq', id: ['20211214130916', '539'] },
  'ReprintResp.1.xml': {
    type: 'reprintResp', id: ['01911270000296', '4002'], receiptNo: '000000000000082',
    tokens: [['credit', '51372007063548978410'], ['credit', '24563810754260247291']], transactions: [...ZAR_SALE, ...ZAR_SALE],
  },
  'ReprintResp.2.xml': {
    type: 'reprintResp', id: ['20211217112613', '834'], receiptNo: '43',
    tokens: [['credit', '04040404040000000217'], ['credit', '04040404040000000357'], ['credit', '04040404040000000357'], ['credit', '04040404040000000357']],
    transactions: [...AOA_SALE, ...AOA_SALE, ...AOA_SALE, ...AOA_SALE],
  },
  'ReprintResp.3.xml': {
    type: 'reprintResp', id: ['20220105224747', '0156'], receiptNo: '391',
    tokens: [['credit', '04040404040000000081'], ['credit', '04040404040000000002'], ['credit', '04040404040000000002'], ['credit', '04040404040000000002'], ['credit', '04040404040000000081']],
    transactions: [...AOA_SALE, ...AOA_SMALL, ...AOA_SMALL, ...AOA_SMALL, ...AOA_SALE],
  },
  'ReprintResp.4.xml': {
    type: 'reprintResp', id: ['20211214130916', '539'], receiptNo: '19',
    tokens: [['credit', '04040404040000000357']], transactions: AOA_SALE,
  },
  'TrialCreditVendReq.1.xml': { type: 'trialCreditVendReq', id: ['01911270000296', '29702'] },
  'TrialCreditVendReq.2.xml': { type: 'trialCreditVendReq', id: ['20210818064318', '311'] },
  'TrialCreditVendReq.3.xml': { type: 'trialCreditVendReq', id: ['20211214130716', '729'] },
  'TrialCreditVendReq.4.xml': { type: 'trialCreditVendReq', id: ['20211214130805', '935'] },
  'TrialCreditVendResp.1.xml': {
    type: 'trialCreditVendResp', id: ['01911270000296', '29702'], receiptNo: '000000000000000',
    tokens: [['credit', '00000000000000000000']], transactions: ZAR_SALE,
  },
  // Conlog's trial answers leave the cipher empty: a quote, no token.
  'TrialCreditVendResp.2.xml': {
    type: 'trialCreditVendResp', id: ['20210818064318', '311'], receiptNo: '42',
    tokens: [], transactions: [['CreditVendTx', 'AOA', 78948], ['ServiceChrgTx', 'AOA', 11052]],
  },
  'TrialCreditVendResp.3.xml': {
    type: 'trialCreditVendResp', id: ['20211214130805', '935'], receiptNo: '18', tokens: [], transactions: AOA_SALE,
  },
};

function expectedSummary(e: Expected) {
  return {
    type: e.type,
    reqMsgID: e.id ? { dateTime: e.id[0], uniqueNumber: e.id[1] } : null,
    receiptNo: e.receiptNo ?? null,
    tokens: (e.tokens ?? []).map(([kind, digits]) => ({ kind, digits })),
    transactions: (e.transactions ?? []).map(([type, currency, minor]) => ({ type, currency, minor })),
    fault: e.fault ?? null,
  };
}

describe('every sample', () => {
  const files = readdirSync(SAMPLES).filter((f) => f.endsWith('.xml')).sort();

  it('has its expectation written here (a new sample must get one)', () => {
    expect(files.length).toBeGreaterThanOrEqual(45);
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(files)('%s reads into its type, message id, receipt, tokens in entry order, exact amounts and fault', (file) => {
    expect(summary(read(file))).toEqual(expectedSummary(EXPECTED[file]!));
  });
});
