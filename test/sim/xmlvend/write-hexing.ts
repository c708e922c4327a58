// Answers as the Hexing (Java) server writes them — samples CreditVendResp.1-3, ConfirmCustomerResp.1,
// LastRespAdviceResp.1, ReprintResp.1, FaultResp.1: every element prefixed (ns2 base, ns3 revenue,
// ns4 meter) and declared on the message element, xsi declared where used, VAT as a tax inside the
// credit transaction, the key-change pair as a kcTokenIssue inside it too, units in "KWH".
import type { Element } from '@xmldom/xmldom';
import { NS } from '../../../main/vendors/xmlvend/ns';
import type { AttrValue, Xml } from './dom';
import { kwh, money, rate } from './format';
import type { Answer, CustInfo, FaultAnswer, MeterInfo, RespHeader, StoredAnswer, VendAnswer } from './model';
import type { XmlVendConfig } from './options';
import type { DeviceId } from './request';
import { ENGINEERING_FIELD, nsUri, responseType, type StyleWriter } from './writer';

const PREFIX = { base: 'ns2', revenue: 'ns3', meter: 'ns4' } as const;

export function hexingWriter(cfg: XmlVendConfig): StyleWriter {
  type Attrs = Record<string, AttrValue>;
  const b = (x: Xml, p: Element, name: string, attrs?: Attrs, text?: string) => x.el(p, NS.base, `ns2:${name}`, attrs, text);
  const r = (x: Xml, p: Element, name: string, attrs?: Attrs, text?: string) => x.el(p, NS.revenue, `ns3:${name}`, attrs, text);
  const m = (x: Xml, p: Element, name: string, attrs?: Attrs, text?: string) => x.el(p, NS.meter, `ns4:${name}`, attrs, text);
  const cur = (minor: number): Attrs => ({ symbol: cfg.symbol, value: money(cfg, minor) });
  const device = (d: DeviceId): Attrs => ({ [d.type === 'EANDeviceID' ? 'ean' : 'id']: d.value, 'xsi:type': `ns2:${d.type}` });

  function declareAll(x: Xml, el: Element): void {
    x.declare(el, PREFIX.base, NS.base);
    x.declare(el, PREFIX.revenue, NS.revenue);
    x.declare(el, PREFIX.meter, NS.meter);
  }

  function header(x: Xml, el: Element, h: RespHeader, disp: string | null): void {
    b(x, el, 'clientID', device(h.clientId));
    b(x, el, 'serverID', { ean: cfg.server.ean, 'xsi:type': 'ns2:EANDeviceID' });
    b(x, el, 'terminalID', device(h.terminalId));
    b(x, el, 'reqMsgID', { dateTime: h.reqMsgId.dateTime, uniqueNumber: h.reqMsgId.uniqueNumber });
    b(x, el, 'respDateTime', {}, h.respDateTime.toISOString().replace('Z', '+00:00'));
    if (disp !== null) b(x, el, 'dispHeader', {}, disp);
  }

  /** The customer as confirmCustomer gives it (with a contact number) or as a vend does (without). */
  function custDetail(x: Xml, el: Element, c: CustInfo, write: typeof b, contact: boolean): void {
    write(x, el, 'custVendDetail', {
      accNo: c.accNo,
      address: c.address,
      contactNo: contact ? c.contactNo : undefined,
      daysLastPurchase: c.daysLastPurchase ?? 0,
      locRef: c.locRef,
      name: c.name,
    });
  }

  /** BaseVendResp after the header: the vendor's credit, the utility, the vendor, the customer. */
  function vendHead(x: Xml, el: Element, availMinor: number, c: CustInfo): void {
    b(x, b(x, el, 'clientStatus'), 'availCredit', cur(availMinor));
    b(x, el, 'utility', { address: cfg.utility.address, name: cfg.utility.name });
    b(x, el, 'vendor', { address: cfg.vendor.address, name: cfg.vendor.name });
    custDetail(x, el, c, b, false);
  }

  function meterDetail(x: Xml, p: Element, mtr: { msno: string; sgc: string; krn: number; ti: string; at: string; tt: string }, write: typeof b): void {
    const d = write(x, p, 'meterDetail', { krn: mtr.krn, msno: mtr.msno, sgc: mtr.sgc, ti: mtr.ti });
    b(x, d, 'meterType', { at: mtr.at, tt: mtr.tt });
    // The Hexing server fills the vend limits it knows and writes "null" in the ones it does not.
    b(x, d, 'maxVendAmt', {}, money(cfg, cfg.maxVendMinor));
    b(x, d, 'minVendAmt', {}, money(cfg, cfg.minVendMinor));
    b(x, d, 'maxVendEng', {}, 'null');
    b(x, d, 'minVendEng', {}, 'null');
  }

  function creditTokenIssue(x: Xml, tx: Element, type: 'SaleCredTokenIssue' | 'FBECredTokenIssue', mtr: MeterInfo, digits: string, tenths: number): void {
    const ti = r(x, tx, 'creditTokenIssue', { 'xsi:type': `ns2:${type}` });
    b(x, ti, 'desc', {}, type);
    meterDetail(x, ti, mtr, b);
    b(x, b(x, ti, 'token', { 'xsi:type': 'ns2:STS1Token' }), 'stsCipher', {}, digits);
    b(x, ti, 'units', { siUnit: 'KWH', value: kwh(tenths) });
    b(x, ti, 'resource', { 'xsi:type': 'ns2:Electricity' });
  }

  const tariff = (x: Xml, tx: Element) => b(x, r(x, tx, 'tariff'), 'name', {}, cfg.tariffName);

  function vend(x: Xml, el: Element, a: VendAnswer): void {
    header(x, el, a.header, 'CREDIT VEND – TAX INVOICE|0|0|0');
    vendHead(x, el, a.availCreditMinor, a.cust);
    const receipt = r(x, el, 'creditVendReceipt', { receiptNo: a.receiptNo });
    const txs = r(x, receipt, 'transactions');
    if (a.fbe) {
      const tx = r(x, txs, 'tx', { receiptNo: a.receiptNo, 'xsi:type': 'ns3:CreditVendTx' });
      r(x, tx, 'amt', cur(0));
      creditTokenIssue(x, tx, 'FBECredTokenIssue', a.meter, a.fbe.digits, a.fbe.tenths);
      tariff(x, tx);
    }
    const tx = r(x, txs, 'tx', { receiptNo: a.receiptNo, 'xsi:type': 'ns3:CreditVendTx' });
    r(x, tx, 'amt', cur(a.sale.netMinor));
    if (a.vat) b(x, r(x, tx, 'tax', { rate: rate(a.vat.rateBp), 'xsi:type': 'ns2:VAT' }), 'amt', cur(a.vat.amtMinor));
    creditTokenIssue(x, tx, 'SaleCredTokenIssue', a.meter, a.sale.digits, a.sale.tenths);
    if (a.keyChange) {
      const k = a.keyChange;
      const kc = r(x, tx, 'kcTokenIssue');
      b(x, kc, 'desc', {}, 'KCTokenIssue');
      meterDetail(x, kc, { ...a.meter, ...k.from }, b);
      const token = b(x, kc, 'token', { 'xsi:type': 'ns2:KCToken' });
      b(x, b(x, token, 'set1stMeterKey'), 'stsCipher', {}, k.first);
      b(x, b(x, token, 'set2ndMeterKey'), 'stsCipher', {}, k.second);
      b(x, kc, 'kctData', { fromKRN: k.from.krn, fromSGC: k.from.sgc, fromTI: k.from.ti, toKRN: k.to.krn, toSGC: k.to.sgc, toTI: k.to.ti });
    }
    tariff(x, tx);
    if (a.serviceCharge) {
      const sc = r(x, txs, 'tx', { 'xsi:type': 'ns3:ServiceChrgTx' });
      r(x, sc, 'amt', cur(a.serviceCharge.amtMinor));
      r(x, sc, 'accDesc', {}, a.serviceCharge.accDesc);
      r(x, sc, 'accNo', {}, a.cust.accNo);
      tariff(x, sc);
    }
    if (a.debt) {
      const d = r(x, txs, 'tx', { 'xsi:type': 'ns3:DebtRecoveryTx' });
      r(x, d, 'amt', cur(a.debt.amtMinor));
      r(x, d, 'accDesc', {}, a.debt.accDesc);
      r(x, d, 'accNo', {}, a.cust.accNo);
      r(x, d, 'balance', cur(a.debt.balanceMinor));
    }
    r(x, txs, 'lessRound', cur(a.purchaseMinor));
    r(x, txs, 'tenderAmt', cur(a.tenderMinor));
    r(x, txs, 'change', cur(a.changeMinor));
  }

  function body(x: Xml, el: Element, a: Answer): void {
    switch (a.type) {
      case 'creditVend':
      case 'trialCreditVend':
        return vend(x, el, a);
      case 'confirmCustomer': {
        header(x, el, a.header, '');
        const res = r(x, el, 'confirmCustResult');
        custDetail(x, res, a.cust, r, true);
        const conf = r(x, res, 'custVendConfig');
        r(x, conf, 'canVend', {}, 'true');
        r(x, conf, 'fbeDue', {}, String(a.fbeDue));
        r(x, conf, 'maxVendAmt', cur(a.maxVendMinor));
        r(x, conf, 'minVendAmt', cur(a.minVendMinor));
        return meterDetail(x, res, a.meter, r);
      }
      case 'payAcc': {
        header(x, el, a.header, 'PAY ACCOUNT');
        vendHead(x, el, a.availCreditMinor, a.cust);
        const receipt = r(x, el, 'payAccReceipt', { receiptNo: a.receiptNo });
        const tx = r(x, r(x, receipt, 'transactions'), 'tx', { receiptNo: a.receiptNo, 'xsi:type': `ns3:${a.txType}` });
        r(x, tx, 'amt', cur(a.amtMinor));
        r(x, tx, 'accDesc', {}, a.accDesc);
        r(x, tx, 'accNo', {}, a.accNo);
        if (a.txType === 'DebtRecoveryTx') r(x, tx, 'balance', cur(a.balanceMinor));
        if (a.meter) meterDetail(x, receipt, a.meter, r);
        return;
      }
      case 'engineering': {
        header(x, el, a.header, 'ENGINEERING TOKEN');
        vendHead(x, el, a.availCreditMinor, a.cust);
        const f = ENGINEERING_FIELD[a.kind];
        const issue = m(x, el, f.field);
        b(x, issue, 'desc', {}, f.issue);
        meterDetail(x, issue, a.meter, b);
        b(x, b(x, issue, 'token', { 'xsi:type': 'ns2:STS1Token' }), 'stsCipher', {}, a.token);
        if (a.pwrLmt) b(x, issue, 'pwrLmt', { siUnit: a.pwrLmt.siUnit, value: a.pwrLmt.value });
        return;
      }
      case 'reprint':
        header(x, el, a.header, null);
        for (const v of a.vends) vend(x, r(x, el, 'reprint', { 'xsi:type': 'ns3:CreditVendResp' }), v);
        return;
      case 'lastRespAdvice':
        header(x, el, a.header, null);
        b(x, el, 'adviceReqMsgID', { dateTime: a.adviceMsgId.dateTime, uniqueNumber: a.adviceMsgId.uniqueNumber });
        return body(x, b(x, el, 'lastResponse', { 'xsi:type': qtype(a.last) }), a.last);
      case 'fault':
        if (a.header) header(x, el, a.header, null);
        return fault(x, el, a);
    }
  }

  const qtype = (a: StoredAnswer) => {
    const t = responseType(a);
    return `${PREFIX[t.ns]}:${t.type}`;
  };

  function fault(x: Xml, el: Element, a: FaultAnswer): void {
    const f = b(x, el, 'fault', { 'xsi:type': `ns2:${a.fault}` });
    b(x, f, 'desc', {}, a.desc);
    if (a.faultCode) b(x, f, 'faultCode', {}, a.faultCode);
  }

  return {
    answer(x, soapBody, a) {
      const t = responseType(a);
      const polymorphic = a.type === 'lastRespAdvice' || a.type === 'engineering';
      const el = x.el(soapBody, nsUri(t.ns), `${PREFIX[t.ns]}:${t.element}`, polymorphic ? { 'xsi:type': `${PREFIX[t.ns]}:${t.type}` } : {});
      declareAll(x, el);
      body(x, el, a);
    },
    faultDetail(x, detail, a) {
      // As FaultResp.1: the Hexing server sends the fault alone, without the BaseResp header.
      const el = b(x, detail, 'xmlvendFaultResp');
      declareAll(x, el);
      fault(x, el, a);
    },
    faultReason: () => 'NRSFaultResponseSoapOut',
    readFailure: (message) => `Unmarshalling Error: ${message}`,
  };
}
