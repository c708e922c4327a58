// What the server answered, independent of how a style writes it: the ledger keeps these, and the
// same answer is written again inside lastResponse (advice) and reprint. Amounts are minor units.
import type { DeviceId, MsgId } from './request';

export interface RespHeader {
  clientId: DeviceId;
  terminalId: DeviceId;
  reqMsgId: MsgId;
  respDateTime: Date;
}

export interface KeyData {
  sgc: string;
  krn: number;
  ti: string;
}

export interface MeterInfo extends KeyData {
  msno: string;
  at: string;
  tt: string;
}

export interface CustInfo {
  name: string;
  address: string;
  contactNo: string;
  accNo: string;
  locRef: string;
  /** Days since the previous purchase; null before the first. */
  daysLastPurchase: number | null;
}

export interface TokenIssue {
  digits: string;
  tenths: number;
}

export interface VendAnswer {
  type: 'creditVend' | 'trialCreditVend';
  header: RespHeader;
  availCreditMinor: number;
  cust: CustInfo;
  /** Under the key the credit token is made with (the new one after a key change). */
  meter: MeterInfo;
  receiptNo: string;
  /** The pair that moves the meter to `meter`'s key; entered before every other token. */
  keyChange: { first: string; second: string; from: KeyData; to: KeyData } | null;
  fbe: TokenIssue | null;
  sale: TokenIssue & { netMinor: number };
  vat: { rateBp: number; amtMinor: number } | null;
  serviceCharge: { amtMinor: number; accDesc: string } | null;
  debt: { amtMinor: number; accDesc: string; balanceMinor: number } | null;
  purchaseMinor: number;
  tenderMinor: number;
  changeMinor: number;
  /** The request's payType as sent (xsi:type); no writer echoes it, it is for tests. */
  payType: string | null;
}

export interface PayAccAnswer {
  type: 'payAcc';
  header: RespHeader;
  availCreditMinor: number;
  cust: CustInfo;
  meter: MeterInfo | null;
  receiptNo: string;
  txType: 'DebtRecoveryTx' | 'ServiceChrgTx' | 'PayAccTx';
  accDesc: string;
  accNo: string;
  amtMinor: number;
  balanceMinor: number;
}

export interface ConfirmAnswer {
  type: 'confirmCustomer';
  header: RespHeader;
  cust: CustInfo;
  meter: MeterInfo;
  fbeDue: boolean;
  minVendMinor: number;
  maxVendMinor: number;
}

export interface EngineeringAnswer {
  type: 'engineering';
  /** The request's type; the answer is the matching ...Resp. */
  kind: 'ClearCreditReq' | 'ClearTamperReq' | 'PwrLmtReq';
  header: RespHeader;
  availCreditMinor: number;
  cust: CustInfo;
  meter: MeterInfo;
  token: string;
  /** Set power limit only: as the request gave it, and in watts (what the token carries). */
  pwrLmt: { value: string; siUnit: string; watts: number } | null;
}

export interface ReprintAnswer {
  type: 'reprint';
  header: RespHeader;
  /** Most recent first. */
  vends: VendAnswer[];
}

export interface AdviceAnswer {
  type: 'lastRespAdvice';
  header: RespHeader;
  adviceMsgId: MsgId;
  last: StoredAnswer;
}

/** Exception types of the NRS base schema, plus Conlog's base-ext ones. */
export type FaultType =
  | 'ClientIDAuthorisationEx'
  | 'RequestAuthorisationEx'
  | 'ConfirmCustomerEx'
  | 'UnknownMeterEx'
  | 'MSNOCheckDigitEx'
  | 'BusinessRuleEx'
  | 'VendorCreditEx'
  | 'DebtEx'
  | 'ReprintEx'
  | 'LastResponseEx'
  | 'IndeterminantLastResponseEx'
  | 'DuplicateMsgIDEx'
  | 'UseCaseSupportEx'
  | 'XMLVendSchemaEx'
  | 'SystemEx';

/** Conlog's own exceptions live in its base-ext schema, not the NRS base one. */
export const CONLOG_EXT_FAULTS: ReadonlySet<FaultType> = new Set(['IndeterminantLastResponseEx', 'DuplicateMsgIDEx']);

export interface FaultAnswer {
  type: 'fault';
  /** Null when the request's header could not be read (nothing to echo). */
  header: RespHeader | null;
  fault: FaultType;
  desc: string;
  faultCode: string | null;
}

/** Answers kept for advice (a fault is a BaseResp too: the client learns the request was refused). */
export type StoredAnswer = VendAnswer | PayAccAnswer | ConfirmAnswer | EngineeringAnswer | ReprintAnswer | FaultAnswer;
export type Answer = StoredAnswer | AdviceAnswer;
