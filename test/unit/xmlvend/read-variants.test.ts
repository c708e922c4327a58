// Messages written here, not captured: other prefixes and SOAP 1.2 for a captured answer, a Libyan
// server's 3-decimal amounts, engineering answers and faults in the shapes of the 2.1 type model
// (../shared/xmlvend/TYPES.md), which no sample shows.
import { describe, expect, it } from 'vitest';
import { readXmlVend } from '../../../main/vendors/xmlvend/read';
import { NS } from '../../../main/vendors/xmlvend/ns';
import { read, sample } from './samples';

describe('the same message under other prefixes and SOAP 1.2', () => {
  // CreditVendResp.3 (Hexing: SOAP-ENV, ns2 = base, ns3 = revenue, xsi) rewritten as s (SOAP 1.2),
  // b (base), the revenue namespace as the default one, and i for XMLSchema-instance.
  const rewritten = sample('CreditVendResp.3.xml')
    .replace(/xmlns:SOAP-ENV="http:\/\/schemas\.xmlsoap\.org\/soap\/envelope\/"/, `xmlns:s="${NS.soap12}"`)
    .replace(/SOAP-ENV:/g, 's:')
    .replace(/xmlns:ns2=/g, 'xmlns:b=')
    .replace(/\bns2:/g, 'b:')
    .replace(/xmlns:ns3=/g, 'xmlns=')
    .replace(/<(\/?)ns3:/g, '<$1')
    .replace(/"ns3:/g, '"')
    .replace(/xmlns:xsi=/g, 'xmlns:i=')
    .replace(/\bxsi:/g, 'i:');

  it('is really written differently', () => {
    expect(rewritten).not.toMatch(/ns2:|ns3:|xsi:|SOAP-ENV/);
    expect(rewritten).toContain(NS.soap12);
    expect(rewritten).toContain('<b:stsCipher>08248409797159869462</b:stsCipher>');
    expect(rewritten).toContain('<tx receiptNo="000000000000093" i:type="CreditVendTx"');
  });

  it('reads identically (but for the SOAP version)', () => {
    const original = read('CreditVendResp.3.xml');
    const variant = readXmlVend(rewritten);
    expect(variant.soap).toBe('1.2');
    expect({ ...variant, soap: '1.1' }).toEqual(original);
  });
});

const LYD_VEND = `<?xml version="1.0" encoding="utf-8"?>
<env:Envelope xmlns:env="${NS.soap12}" xmlns:v="${NS.base}" xmlns:r="${NS.revenue}" xmlns:t="http://www.w3.org/2001/XMLSchema-instance">
  <env:Body>
    <r:creditVendResp>
      <v:clientID t:type="v:EANDeviceID" ean="6291234500017"/>
      <v:serverID t:type="v:EANDeviceID" ean="6291234500024"/>
      <v:terminalID t:type="v:GenericDeviceID" id="T-01"/>
      <v:reqMsgID dateTime="20260301135500" uniqueNumber="000123"/>
      <v:respDateTime>2026-03-01T13:55:02+02:00</v:respDateTime>
      <v:clientStatus><v:availCredit value="15000.500" symbol="LYD"/></v:clientStatus>
      <v:utility name="GECOL" address="Tripoli" taxRef="LY-001"/>
      <r:creditVendReceipt receiptNo="LY-77">
        <r:transactions>
          <r:tx t:type="r:CreditVendTx" receiptNo="LY-77">
            <r:amt value="43.478" symbol="LYD"/>
            <r:tax t:type="v:VAT" rate="0.15"><v:amt value="6.522" symbol="LYD"/></r:tax>
            <r:creditTokenIssue t:type="v:SaleCredTokenIssue">
              <v:desc>Credit Token</v:desc>
              <v:meterDetail msno="01234567890" sgc="600727" krn="2" ti="07"><v:meterType at="07" tt="02"/></v:meterDetail>
              <v:token t:type="v:STS1Token"><v:stsCipher>12345678901234567890</v:stsCipher></v:token>
              <v:units value="125.3" siUnit="kWh"/>
              <v:resource t:type="v:Electricity"/>
            </r:creditTokenIssue>
          </r:tx>
          <r:tx t:type="r:DebtRecoveryTx" receiptNo="LY-77">
            <r:amt value="0.005" symbol="LYD"/>
            <r:accDesc>Arrears</r:accDesc>
            <r:balance value="10" symbol="LYD"/>
          </r:tx>
          <r:tenderAmt value="50.0050" symbol="LYD"/>
          <r:change value="0" symbol="LYD"/>
        </r:transactions>
      </r:creditVendReceipt>
    </r:creditVendResp>
  </env:Body>
</env:Envelope>`;

describe('a Libyan server: LYD has 3 decimals', () => {
  it('reads every amount in thousandths, exactly', () => {
    const m = readXmlVend(LYD_VEND);
    expect(m.transactions).toEqual([
      { type: 'CreditVendTx', currency: 'LYD', minor: 43478, receiptNo: 'LY-77' },
      { type: 'VAT', currency: 'LYD', minor: 6522, rate: '0.15' },
      { type: 'DebtRecoveryTx', currency: 'LYD', minor: 5, receiptNo: 'LY-77', accDesc: 'Arrears', balance: { currency: 'LYD', minor: 10000 } },
    ]);
    expect(m.tenderAmt).toEqual({ currency: 'LYD', minor: 50005 });
    expect(m.transactions.reduce((s, t) => s + t.minor, 0)).toBe(50005);
    expect(m.clientStatus?.availCredit).toEqual({ currency: 'LYD', minor: 15000500 });
    expect(m.tokens).toEqual([{ kind: 'credit', digits: '12345678901234567890', desc: 'Credit Token', issue: 'SaleCredTokenIssue', units: { value: '125.3', siUnit: 'kWh' } }]);
    expect(m.meterDetail).toMatchObject({ msno: '01234567890', sgc: '600727', krn: '2', ti: '07' });
  });

  it('a local symbol is read as the server currency only when the caller gives it', () => {
    const local = LYD_VEND.replace(/symbol="LYD"/g, 'symbol="LD"');
    expect(() => readXmlVend(local)).toThrow(/bad amount in clientStatus availCredit: currency symbol "LD" is not an ISO 4217 code/);
    expect(readXmlVend(local, { currency: 'LYD' }).transactions.map((t) => t.minor)).toEqual([43478, 6522, 5]);
  });

  it('a fourth decimal that is not zero is refused', () => {
    expect(() => readXmlVend(LYD_VEND.replace('43.478', '43.4781'))).toThrow(/bad amount in CreditVendTx amt: "43\.4781" has more decimals than LYD allows \(3\)/);
  });
});

const envelope = (body: string) => `<soap:Envelope xmlns:soap="${NS.soap11}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:b="${NS.base}" xmlns:m="${NS.meter}"><soap:Body>${body}</soap:Body></soap:Envelope>`;
const HEADER = '<b:clientID xsi:type="b:EANDeviceID" ean="6001234000019"/><b:serverID xsi:type="b:EANDeviceID" ean="6001234000026"/><b:terminalID xsi:type="b:GenericDeviceID" id="1"/><b:reqMsgID dateTime="20260301135500" uniqueNumber="7"/><b:respDateTime>2026-03-01T13:55:02Z</b:respDateTime>';
const VEND_HEADER = `${HEADER}<b:clientStatus><b:availCredit value="100.00" symbol="ZAR"/></b:clientStatus><b:utility name="U" address="A" taxRef="T"/>`;
const METER = '<b:meterDetail msno="01234567890" sgc="600727" krn="1" ti="01"><b:meterType at="07" tt="02"/></b:meterDetail>';
const sts = (d: string) => `<b:token xsi:type="b:STS1Token"><b:stsCipher>${d}</b:stsCipher></b:token>`;

describe('engineering answers', () => {
  it('clearCreditResp and clearTamperResp give one engineering token', () => {
    const clear = readXmlVend(envelope(`<m:clearCreditResp>${VEND_HEADER}<m:clearCredit xsi:type="b:ClearCreditTokenIssue"><b:desc>Clear Credit</b:desc>${METER}${sts('11112222333344445555')}</m:clearCredit></m:clearCreditResp>`));
    expect(clear.type).toBe('clearCreditResp');
    expect(clear.tokens).toEqual([{ kind: 'engineering', digits: '11112222333344445555', desc: 'Clear Credit', issue: 'ClearCreditTokenIssue' }]);
    expect(clear.meterDetail?.msno).toBe('01234567890');
    expect(clear.transactions).toEqual([]);
    const tamper = readXmlVend(envelope(`<m:clearTamperResp>${VEND_HEADER}<m:clearTamper><b:desc>Clear Tamper</b:desc>${METER}${sts('66667777888899990000')}</m:clearTamper></m:clearTamperResp>`));
    expect(tamper.tokens.map((t) => [t.kind, t.digits])).toEqual([['engineering', '66667777888899990000']]);
  });

  it('pwrLmtResp gives an engineering token', () => {
    const m = readXmlVend(envelope(`<m:pwrLmtResp>${VEND_HEADER}<m:pwrLmtToken><b:desc>Power Limit</b:desc>${METER}${sts('10000000000000000001')}<b:pwrLmt value="5" siUnit="kW"/></m:pwrLmtToken></m:pwrLmtResp>`));
    expect(m.tokens.map((t) => [t.kind, t.digits])).toEqual([['engineering', '10000000000000000001']]);
  });

  it('a key change with a power limit: the pair first, then the power limit', () => {
    const pair = '<b:token xsi:type="b:KCToken"><b:set1stMeterKey><b:stsCipher>20000000000000000001</b:stsCipher></b:set1stMeterKey><b:set2ndMeterKey><b:stsCipher>20000000000000000002</b:stsCipher></b:set2ndMeterKey></b:token>';
    const m = readXmlVend(envelope(`<m:engKCTResp>${VEND_HEADER}<m:engKCToken><b:desc>KCT</b:desc>${METER}${pair}<b:kctData fromSGC="600727" fromKRN="1" fromTI="01" toSGC="600727" toKRN="2" toTI="01"/><b:pwrLmtToken><b:desc>PL</b:desc>${METER}${sts('20000000000000000003')}<b:pwrLmt value="5" siUnit="kW"/></b:pwrLmtToken></m:engKCToken></m:engKCTResp>`));
    expect(m.tokens.map((t) => [t.kind, t.digits])).toEqual([['kct1', '20000000000000000001'], ['kct2', '20000000000000000002'], ['engineering', '20000000000000000003']]);
  });
});

describe('faults in other shapes', () => {
  it('a SOAP 1.2 fault with an XMLVend exception in its Detail', () => {
    const m = readXmlVend(`<e:Envelope xmlns:e="${NS.soap12}"><e:Body><e:Fault><e:Code><e:Value>e:Receiver</e:Value></e:Code><e:Reason><e:Text xml:lang="en">Business rule</e:Text></e:Reason><e:Detail><xmlvendFaultResp xmlns="${NS.base}" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">${HEADER.replace(/b:/g, '').replace(/xsi:/g, 'i:')}<fault i:type="BlockedMeterEx"><desc>Meter 01234567890 is blocked</desc></fault></xmlvendFaultResp></e:Detail></e:Fault></e:Body></e:Envelope>`);
    expect(m.type).toBe('fault');
    expect(m.soap).toBe('1.2');
    expect(m.fault).toEqual({ type: 'BlockedMeterEx', description: 'Meter 01234567890 is blocked' });
    expect(m.reqMsgID).toEqual({ dateTime: '20260301135500', uniqueNumber: '7' });
  });

  it('a bare xmlvendFaultResp, with and without its envelope', () => {
    const bare = `<b:xmlvendFaultResp xmlns:b="${NS.base}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${HEADER}<b:fault xsi:type="b:LastResponseEx"><b:desc>No response for that message</b:desc><b:faultCode>LR1</b:faultCode></b:fault></b:xmlvendFaultResp>`;
    const expected = { type: 'LastResponseEx', description: 'No response for that message', code: 'LR1' };
    for (const text of [bare, envelope(bare)]) {
      const m = readXmlVend(text);
      expect(m.type).toBe('fault');
      expect(m.fault).toEqual(expected);
      expect(m.reqMsgID?.uniqueNumber).toBe('7');
    }
  });

  it('a SOAP 1.1 fault from the stack: faultstring\'s first line, code kept', () => {
    const m = readXmlVend(envelope('<soap:Fault><faultcode>soap:Server</faultcode><faultstring>Server was unable to process request.\n   at Foo.Bar()</faultstring></soap:Fault>'));
    expect(m.fault).toEqual({ type: 'soapfault', description: 'Server was unable to process request.', code: 'soap:Server' });
  });

  it('an advice whose original answer was a fault reads as that fault', () => {
    const m = readXmlVend(envelope(`<b:adviceResp xsi:type="b:LastRespAdviceResp">${HEADER}<b:adviceReqMsgID dateTime="20260301135400" uniqueNumber="6"/><b:lastResponse xsi:type="b:XMLVendFaultResp">${HEADER}<b:fault xsi:type="b:VendorCreditEx"><b:desc>Insufficient vendor credit</b:desc></b:fault></b:lastResponse></b:adviceResp>`));
    expect(m.type).toBe('adviceResp');
    expect(m.adviceReqMsgID).toEqual({ dateTime: '20260301135400', uniqueNumber: '6' });
    expect(m.lastResponse?.type).toBe('fault');
    expect(m.fault).toEqual({ type: 'VendorCreditEx', description: 'Insufficient vendor credit' });
    expect(m.tokens).toEqual([]);
  });
});
