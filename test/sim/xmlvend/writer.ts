// What a style writes, and the response types both styles name the same way.
import type { Element } from '@xmldom/xmldom';
import { NS } from '../../../main/vendors/xmlvend/ns';
import type { Xml } from './dom';
import type { Answer, FaultAnswer } from './model';

export interface StyleWriter {
  /** The answer as the Body's element (creditVendResp, adviceResp, meterSpecificEngResp...). */
  answer(x: Xml, body: Element, a: Answer): void;
  /** The xmlvendFaultResp a SOAP Fault carries in its detail. */
  faultDetail(x: Xml, detail: Element, a: FaultAnswer): void;
  /** The faultstring / Reason text of an XMLVend exception. */
  faultReason(a: FaultAnswer): string;
  /** The faultstring / Reason text when the request could not be read at all. */
  readFailure(message: string): string;
}

type NsName = 'base' | 'revenue' | 'meter';

/** The schema type of an answer (for xsi:type inside lastResponse and reprint) and its element. */
export function responseType(a: Answer): { ns: NsName; type: string; element: string } {
  switch (a.type) {
    case 'creditVend':
      return { ns: 'revenue', type: 'CreditVendResp', element: 'creditVendResp' };
    case 'trialCreditVend':
      return { ns: 'revenue', type: 'TrialCreditVendResp', element: 'trialCreditVendResp' };
    case 'payAcc':
      return { ns: 'revenue', type: 'PayAccResp', element: 'payAccResp' };
    case 'confirmCustomer':
      return { ns: 'revenue', type: 'ConfirmCustomerResp', element: 'confirmCustomerResp' };
    case 'reprint':
      return { ns: 'revenue', type: 'ReprintResp', element: 'reprintResp' };
    case 'engineering':
      return { ns: 'meter', type: a.kind.replace(/Req$/, 'Resp'), element: 'meterSpecificEngResp' };
    case 'lastRespAdvice':
      return { ns: 'base', type: 'LastRespAdviceResp', element: 'adviceResp' };
    case 'fault':
      return { ns: 'base', type: 'XMLVendFaultResp', element: 'xmlvendFaultResp' };
  }
}

export const nsUri = (n: NsName): string => NS[n];

/** The element of an engineering answer that carries its token issue, and the issue's type. */
export const ENGINEERING_FIELD = {
  ClearCreditReq: { field: 'clearCredit', issue: 'ClearCreditTokenIssue' },
  ClearTamperReq: { field: 'clearTamper', issue: 'ClearTamperTokenIssue' },
  PwrLmtReq: { field: 'pwrLmtToken', issue: 'PwrLmtTokenIssue' },
} as const;
