// Answers as the Conlog (.NET) server writes them — samples CreditVendResp.4-5, ConfirmCustomerResp.2,
// TrialCreditVendResp.2, ReprintResp.2, PayAccResp.1-2, LastRespAdviceResp.2: elements in default
// namespaces (each element re-declares the one it is in), token issues with q1-prefixed base
// children, the key-change pair as two CreditVendTx carriers of their own ("KeyChange Token1/2"),
// VAT as a ServiceChrgTx, a base-ext tariff breakdown, MonthlyTotals nil, units in "kWh".
import type { Element } from '@xmldom/xmldom';
import { NS } from '../../../main/vendors/xmlvend/ns';
import type { AttrValue, Xml } from './dom';
import { kwh, money } from './format';
import { CONLOG_EXT_FAULTS, type Answer, type CustInfo, type FaultAnswer, type MeterInfo, type RespHeader, type VendAnswer } from './model';
import { formatPrice } from './money';
import type { XmlVendConfig } from './options';
import type { DeviceId } from './request';
import { ENGINEERING_FIELD, nsUri, responseType, type StyleWriter } from './writer';

/** Conlog's extension schemas: the tariff breakdown as the samples carry it, the exceptions as its WSDL defines them. */
const TARIFF_EXT = 'http://www.conlog.co.za/xmlvend/base-ext/2.1.1/schema';
const FAULT_EXT = 'http://www.eskom.co.za/xmlvend/base-ext/2.1.1/schema';

const DISP: Record<Answer['type'], [string, string, string]> = {
  confirmCustomer: ['Confirm Customer', 'Confirm Customer', 'Confirm Customer'],
  trialCreditVend: ['Trial Credit Vend', 'Trial Credit Purchase Successful', 'Trial Credit Purchase'],
  creditVend: ['Credit Purchase', 'Credit Purchase Successful', 'Credit Purchase'],
  payAcc: ['Pay Account', 'Pay Account Successfull', 'Pay Account'],
  engineering: ['Engineering Token', 'Engineering Token Successful', 'Engineering Token'],
  reprint: ['Transaction Reprint', 'Transaction Reprint', 'Transaction Reprint'],
  lastRespAdvice: ['Last Response Advice', 'Last Response Advice', ''],
  fault: ['Fault', 'Fault', ''],
};

export function conlogWriter(cfg: XmlVendConfig): StyleWriter {
  type Attrs = Record<string, AttrValue>;
  const b = (x: Xml, p: Element, name: string, attrs?: Attrs, text?: string) => x.el(p, NS.base, name, attrs, text);
  const q = (x: Xml, p: Element, name: string, attrs?: Attrs, text?: string) => x.el(p, NS.base, `q1:${name}`, attrs, text);
  const r = (x: Xml, p: Element, name: string, attrs?: Attrs, text?: string) => x.el(p, NS.revenue, name, attrs, text);
  const cur = (minor: number): Attrs => ({ value: money(cfg, minor), symbol: cfg.symbol });
  const device = (d: DeviceId): Attrs => ({ 'xsi:type': d.type, [d.type === 'EANDeviceID' ? 'ean' : 'id']: d.value });
  // The .NET server writes the TI as a number ("1"), not as the two digits of the key data.
  const meterAttrs = (mtr: { msno: string; sgc: string; krn: number; ti: string }, unit: boolean): Attrs => ({
    krn: mtr.krn,
    ti: Number(mtr.ti),
    sgc: mtr.sgc,
    unitOfMeasurement: unit ? 'kWh' : undefined,
    msno: mtr.msno,
  });

  function header(x: Xml, el: Element, h: RespHeader, type: Answer['type']): void {
    b(x, el, 'clientID', device(h.clientId));
    b(x, el, 'serverID', { 'xsi:type': 'GenericDeviceID', id: cfg.server.id });
    b(x, el, 'terminalID', device(h.terminalId));
    b(x, el, 'reqMsgID', { dateTime: h.reqMsgId.dateTime, uniqueNumber: h.reqMsgId.uniqueNumber });
    // .NET writes seven decimals of a second.
    b(x, el, 'respDateTime', {}, h.respDateTime.toISOString().replace(/Z$/, '0000+00:00'));
    const [disp, op, cust] = DISP[type];
    b(x, el, 'dispHeader', {}, disp);
    b(x, el, 'operatorMsg', {}, op);
    b(x, el, 'custMsg', {}, cust);
  }

  const utility = (x: Xml, el: Element) => b(x, el, 'utility', { name: cfg.utility.name, address: cfg.utility.address, taxRef: cfg.utility.taxRef });
  const custAttrs = (c: CustInfo): Attrs => ({
    name: c.name,
    address: c.address,
    contactNo: c.contactNo,
    accNo: c.accNo,
    locRef: c.locRef,
    utilityType: 'Electricity',
    daysLastPurchase: c.daysLastPurchase ?? '',
  });

  /**
   * BaseVendResp after the header, in the Conlog order: utility, the vendor's credit, vendor,
   * customer. A reprinted vend (ReprintResp.2) carries only the credit and the customer.
   */
  function vendHead(x: Xml, el: Element, availMinor: number, c: CustInfo, reprinted = false): void {
    if (!reprinted) utility(x, el);
    const status = b(x, el, 'clientStatus');
    b(x, status, 'availCredit', cur(availMinor));
    if (!reprinted) b(x, status, 'batchStatus', { banking: 'open', sales: 'open', shift: 'open' });
    if (!reprinted) b(x, el, 'vendor');
    b(x, el, 'custVendDetail', custAttrs(c));
  }

  /** A token issue's content: base elements under the q1 prefix the carrier declares. */
  function issueContent(x: Xml, ti: Element, desc: string, mtr: MeterInfo, digits: string, units: number | null, unitAttr: boolean): void {
    q(x, ti, 'desc', {}, desc);
    q(x, q(x, ti, 'meterDetail', meterAttrs(mtr, unitAttr)), 'meterType', { tt: mtr.tt });
    q(x, q(x, ti, 'token', { 'xsi:type': 'q1:STS1Token' }), 'stsCipher', {}, digits);
    if (units !== null) {
      q(x, ti, 'units', { value: kwh(units), siUnit: 'kWh' });
      q(x, ti, 'resource', { 'xsi:type': 'q1:Electricity' });
    }
  }

  function creditIssue(x: Xml, tx: Element, type: string, desc: string, mtr: MeterInfo, digits: string, units: number, unitAttr: boolean): void {
    const ti = x.declare(r(x, tx, 'creditTokenIssue', { 'xsi:type': `q1:${type}` }), 'q1', NS.base);
    issueContent(x, ti, desc, mtr, digits, units, unitAttr);
  }

  function vend(x: Xml, el: Element, a: VendAnswer, reprinted = false): void {
    header(x, el, a.header, a.type);
    vendHead(x, el, a.availCreditMinor, a.cust, reprinted);
    const receipt = r(x, el, 'creditVendReceipt', { receiptNo: a.receiptNo });
    const txs = r(x, receipt, 'transactions');
    if (a.keyChange) {
      // As CreditVendResp.5: each key-change token rides in a CreditVendTx of its own, before the credit.
      const from = { ...a.meter, ...a.keyChange.from };
      for (const [n, digits] of [[1, a.keyChange.first], [2, a.keyChange.second]] as const) {
        creditIssue(x, r(x, txs, 'tx', { 'xsi:type': 'CreditVendTx' }), 'SaleCredTokenIssue', `KeyChange Token${n}`, from, digits, 0, false);
      }
    }
    if (a.fbe) {
      const tx = r(x, txs, 'tx', { 'xsi:type': 'CreditVendTx', receiptNo: a.receiptNo });
      r(x, tx, 'amt', cur(0));
      creditIssue(x, tx, 'FBECredTokenIssue', 'Free Basic Electricity', a.meter, a.fbe.digits, a.fbe.tenths, true);
    }
    const tx = r(x, txs, 'tx', { 'xsi:type': 'CreditVendTx', receiptNo: a.receiptNo });
    r(x, tx, 'amt', cur(a.sale.netMinor));
    creditIssue(x, tx, 'SaleCredTokenIssue', 'Credit Token', a.meter, a.sale.digits, a.sale.tenths, true);
    const tariff = r(x, tx, 'tariff');
    b(x, tariff, 'name', {}, cfg.tariffName);
    b(x, tariff, 'desc', {}, cfg.tariffName);
    const breakdown = x.declare(r(x, tx, 'tariffBreakdown', { 'xsi:type': 'q2:StepTariffBreakdown' }), 'q2', TARIFF_EXT);
    const step = x.el(x.el(breakdown, TARIFF_EXT, 'q2:steps'), TARIFF_EXT, 'q2:Step');
    x.el(step, TARIFF_EXT, 'q2:units', { value: kwh(a.sale.tenths), siUnit: 'kWh' });
    x.el(step, TARIFF_EXT, 'q2:rate', { value: formatPrice(cfg.pricePerKwh), symbol: cfg.symbol });
    if (a.serviceCharge) {
      const sc = r(x, txs, 'tx', { 'xsi:type': 'ServiceChrgTx' });
      r(x, sc, 'amt', cur(a.serviceCharge.amtMinor));
      r(x, sc, 'accDesc', {}, a.serviceCharge.accDesc);
    }
    if (a.debt) {
      const d = r(x, txs, 'tx', { 'xsi:type': 'DebtRecoveryTx', receiptNo: a.receiptNo });
      r(x, d, 'amt', cur(a.debt.amtMinor));
      r(x, d, 'accDesc', {}, a.debt.accDesc);
      r(x, d, 'accNo', {}, a.cust.accNo);
      r(x, d, 'balance', cur(a.debt.balanceMinor));
    }
    if (a.vat) {
      const v = r(x, txs, 'tx', { 'xsi:type': 'ServiceChrgTx' });
      r(x, v, 'amt', cur(a.vat.amtMinor));
      r(x, v, 'accDesc', {}, 'VAT');
    }
    r(x, txs, 'tenderAmt', cur(a.tenderMinor));
    r(x, txs, 'change', cur(a.changeMinor));
    r(x, receipt, 'MonthlyTotals', { 'xsi:nil': 'true' });
  }

  function meterDetail(x: Xml, p: Element, mtr: MeterInfo): void {
    b(x, r(x, p, 'meterDetail', meterAttrs(mtr, true)), 'meterType', { tt: mtr.tt });
  }

  function body(x: Xml, el: Element, a: Answer): void {
    switch (a.type) {
      case 'creditVend':
      case 'trialCreditVend':
        return vend(x, el, a);
      case 'confirmCustomer': {
        header(x, el, a.header, a.type);
        utility(x, el);
        const res = r(x, el, 'confirmCustResult');
        r(x, res, 'custVendDetail', custAttrs(a.cust));
        const conf = r(x, res, 'custVendConfig');
        r(x, conf, 'canVend', {}, 'true');
        r(x, conf, 'maxVendAmt', cur(a.maxVendMinor));
        r(x, conf, 'minVendAmt', cur(a.minVendMinor));
        meterDetail(x, res, a.meter);
        b(x, r(x, res, 'custAccountDetail'), 'accountStatus');
        return;
      }
      case 'payAcc': {
        header(x, el, a.header, a.type);
        vendHead(x, el, a.availCreditMinor, a.cust);
        const receipt = r(x, el, 'payAccReceipt', { receiptNo: a.receiptNo });
        const tx = r(x, r(x, receipt, 'transactions'), 'tx', { 'xsi:type': a.txType, receiptNo: a.receiptNo });
        r(x, tx, 'amt', cur(a.amtMinor));
        r(x, tx, 'accDesc', {}, a.accDesc);
        r(x, tx, 'accNo', {}, a.accNo);
        if (a.txType === 'DebtRecoveryTx') r(x, tx, 'balance', cur(a.balanceMinor));
        r(x, receipt, 'MonthlyTotals', { 'xsi:nil': 'true' });
        if (a.meter) meterDetail(x, receipt, a.meter);
        return;
      }
      case 'engineering': {
        header(x, el, a.header, a.type);
        vendHead(x, el, a.availCreditMinor, a.cust);
        const f = ENGINEERING_FIELD[a.kind];
        const field = x.declare(x.el(el, NS.meter, f.field), 'q1', NS.base);
        issueContent(x, field, f.issue, a.meter, a.token, null, false);
        if (a.pwrLmt) q(x, field, 'pwrLmt', { value: a.pwrLmt.value, siUnit: a.pwrLmt.siUnit });
        return;
      }
      case 'reprint':
        header(x, el, a.header, a.type);
        utility(x, el);
        for (const v of a.vends) vend(x, r(x, el, 'reprint', { 'xsi:type': 'CreditVendResp' }), v, true);
        return;
      case 'lastRespAdvice': {
        header(x, el, a.header, a.type);
        b(x, el, 'adviceReqMsgID', { dateTime: a.adviceMsgId.dateTime, uniqueNumber: a.adviceMsgId.uniqueNumber });
        // The sample binds the answer's namespace to q1 here; inside it every token issue binds q1
        // to base again, and a serializer may write an element with a prefix bound above it, so
        // this one gets a prefix of its own.
        const t = responseType(a.last);
        const last = b(x, el, 'lastResponse', { 'xsi:type': t.ns === 'base' ? t.type : `q0:${t.type}` });
        if (t.ns !== 'base') x.declare(last, 'q0', nsUri(t.ns));
        return body(x, last, a.last);
      }
      case 'fault':
        if (a.header) header(x, el, a.header, a.type);
        return fault(x, el, a);
    }
  }

  function fault(x: Xml, el: Element, a: FaultAnswer): void {
    const ext = CONLOG_EXT_FAULTS.has(a.fault);
    const f = b(x, el, 'fault', { 'xsi:type': ext ? `q1:${a.fault}` : a.fault });
    if (ext) x.declare(f, 'q1', FAULT_EXT);
    b(x, f, 'desc', {}, a.desc);
    if (a.faultCode) b(x, f, 'faultCode', {}, a.faultCode);
  }

  return {
    answer(x, soapBody, a) {
      const t = responseType(a);
      const polymorphic = a.type === 'lastRespAdvice' || a.type === 'engineering';
      body(x, x.el(soapBody, nsUri(t.ns), t.element, polymorphic ? { 'xsi:type': t.type } : {}), a);
    },
    faultDetail(x, detail, a) {
      body(x, b(x, detail, 'xmlvendFaultResp'), a);
    },
    faultReason: (a) => a.desc,
    readFailure: (message) => `System.Web.Services.Protocols.SoapException: Server was unable to read request. ---> ${message}`,
  };
}
