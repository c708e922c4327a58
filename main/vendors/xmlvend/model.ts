// What an XMLVend 2.1 message says, once read (read.ts): exact money, tokens in the order they are
// entered on the meter, and the details a receipt or a screen shows. Strings the server sent
// (identifiers, receipt numbers, names) are kept exactly as sent, trimmed of XML whitespace.
import type { Money } from './money';

export type { Money } from './money';

/** A message identifier (MsgID): yyyymmddHHMMSS + a number, strings exactly as sent ("0251" stays "0251"). */
export interface MsgId {
  dateTime: string;
  uniqueNumber: string;
}

/**
 * What a token does, which is also the order it is entered in: the key-change pair first (kct1
 * then kct2), then the rest as the server listed them.
 */
export type TokenKind = 'credit' | 'kct1' | 'kct2' | 'fbe' | 'engineering';

/** A quantity as sent (units of a token, a tariff step): value is an exact decimal string. */
export interface Quantity {
  value: string;
  siUnit: string;
}

/** A decimal amount exactly as a request carries it: requests are read, never settled from. */
export interface RawAmount {
  value: string;
  symbol: string;
}

export interface Token {
  kind: TokenKind;
  /** The 20-digit STS1 cipher. */
  digits: string;
  /** The token issue's description ("SaleCredTokenIssue", "Credit Token", "KeyChange Token1"). */
  desc?: string;
  /** The token issue's schema type (SaleCredTokenIssue, FBECredTokenIssue, KCTokenIssue, ClearCreditTokenIssue...). */
  issue?: string;
  units?: Quantity;
}

/** One step of a Conlog step-tariff breakdown: units at a rate (a rate is not an amount: kept as sent). */
export interface TariffStep {
  units: Quantity;
  rate: RawAmount;
}

/**
 * One entry of the server's breakdown. Every tx with an amount gives one (type = its xsi:type:
 * CreditVendTx, ServiceChrgTx, DebtRecoveryTx, PayAccTx...) and each tax inside it gives its own
 * entry right after it (type = the tax's xsi:type, e.g. VAT, with its rate): the entries of a sale
 * add up to what the customer paid.
 */
export interface Transaction extends Money {
  type: string;
  receiptNo?: string;
  /** The account paid (PayAccTx and its kinds: "ServiceFee", "Arrears Debt Collection", Conlog's "VAT"). */
  accDesc?: string;
  accNo?: string;
  /** A tax's rate as sent ("0.1500" is 15 %). */
  rate?: string;
  tariff?: string;
  tariffSteps?: TariffStep[];
  /** What is still owed after a debt recovery. */
  balance?: Money;
}

export interface Fault {
  /** The XMLVend exception's type (SystemEx, BlockedMeterEx, LastResponseEx...), or "soapfault" when the server sent none. */
  type: string;
  /** The server's words: the exception's desc, or the first line of the SOAP reason (never the .NET stack trace). */
  description: string;
  /** The exception's faultCode ("VD.17020012"), or the SOAP fault code when there is no exception. */
  code?: string;
}

export interface Customer {
  name: string | null;
  address: string | null;
  accNo: string | null;
  locRef: string | null;
  contactNo: string | null;
  /** null when absent or empty (Conlog sends daysLastPurchase=""). */
  daysLastPurchase: number | null;
}

export interface Organisation {
  name: string | null;
  address: string | null;
  taxRef: string | null;
}

export interface MeterDetail {
  msno: string | null;
  sgc: string | null;
  krn: string | null;
  ti: string | null;
  tt: string | null;
  at: string | null;
  /**
   * Hexing's vend limits: plain decimals without a currency symbol ("300.00"; amounts in the
   * server's currency, energies in kWh), kept exact as sent; "null" or absent is null.
   */
  minVendAmt: string | null;
  maxVendAmt: string | null;
  minVendEng: string | null;
  maxVendEng: string | null;
}

/** One customer found by confirmCustomerReq. */
export interface CustomerResult {
  customer: Customer;
  canVend: boolean | null;
  fbeDue: boolean | null;
  minVendAmt: Money | null;
  maxVendAmt: Money | null;
  meterDetail: MeterDetail | null;
}

/** What a request asks for (the simulator and the checks read requests; amounts stay as sent). */
export interface RequestDetail {
  opName: string | null;
  /** The meter (idMethod/meterIdentifier msno, or its text in SoapUI skeletons). */
  msno: string | null;
  /** The customer account (idMethod/custIdentifier accNo). */
  accNo: string | null;
  purchase: RawAmount | null;
  purchaseUnits: Quantity | null;
  /** payAccReq's requested amount. */
  reqAmt: RawAmount | null;
  /** Cash, Card, Cheque, Unknown... */
  payType: string | null;
  tender: RawAmount | null;
  /** payAccReq's account kind (DebtRecovery, ServiceChrg...). */
  payAccount: string | null;
}

export interface ParsedMessage {
  /** The message element's local name with its first letter lower-cased (creditVendResp, adviceResp), or "fault". */
  type: string;
  /** Its schema type: xsi:type when sent (LastRespAdviceResp), else the type the name stands for (CreditVendResp). */
  schemaType: string;
  /** The SOAP version of the envelope, or null for a bare body. */
  soap: '1.1' | '1.2' | null;
  /** reqMsgID of a response, msgID of a request, as sent; null when there is none (Hexing's login answer, a SOAP fault). */
  reqMsgID: MsgId | null;
  /** The receipt's receiptNo (or its first tx's) as sent ("000000000000090", "43"). */
  receiptNo: string | null;
  tokens: Token[];
  transactions: Transaction[];
  fault: Fault | null;
  clientID: string | null;
  serverID: string | null;
  terminalID: string | null;
  respDateTime: string | null;
  dispHeader: string | null;
  operatorMsg: string | null;
  custMsg: string | null;
  clientStatus: { availCredit: Money | null } | null;
  utility: Organisation | null;
  vendor: Organisation | null;
  customer: Customer | null;
  /** The receipt's meter (payAccReceipt), the first customer result's, or the first token issue's. */
  meterDetail: MeterDetail | null;
  lessRound: Money | null;
  tenderAmt: Money | null;
  change: Money | null;
  /** confirmCustomerResp's results (empty for other messages). */
  customers: CustomerResult[];
  /**
   * reprintResp: each earlier response, read like any other. The reprint's own tokens,
   * transactions and receiptNo are those of all of them, in the order the server listed them.
   */
  reprints: ParsedMessage[];
  /** The msgID an advice is about (adviceReq, adviceResp). */
  adviceReqMsgID: MsgId | null;
  /**
   * adviceResp: the original response. The advice's tokens, transactions, receiptNo and fault are
   * the original's (a lost vend resolved by advice reads like the vend itself).
   */
  lastResponse: ParsedMessage | null;
  /** What a request asks for; null for responses. */
  request: RequestDetail | null;
}
