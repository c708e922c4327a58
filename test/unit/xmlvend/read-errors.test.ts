// What cannot be read for certain is refused with one sentence: never a partial message, never a
// guessed amount or token.
import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readXmlVend, XmlVendReadError } from '../../../main/vendors/xmlvend/read';
import { NS } from '../../../main/vendors/xmlvend/ns';
import { SAMPLES, sample } from './samples';

function refusal(text: string, opts = {}): string {
  try {
    readXmlVend(text, opts);
  } catch (e) {
    expect(e).toBeInstanceOf(XmlVendReadError);
    const message = (e as Error).message;
    expect(message, 'one line').not.toMatch(/\n/);
    return message;
  }
  throw new Error('read without complaint');
}

const VEND = sample('CreditVendResp.1.xml');
const CONLOG = sample('CreditVendResp.5.xml');

describe('not XML, not XMLVend', () => {
  it('empty, text, truncated, binary', () => {
    expect(refusal('')).toMatch(/^empty input/);
    expect(refusal('hello')).toMatch(/^malformed XML/);
    expect(refusal(VEND.slice(0, Math.floor(VEND.length / 2)))).toMatch(/^malformed XML/);
    expect(refusal('\u0000\u0001\u0002\uFFFD\u0007')).toMatch(/^malformed XML/);
  });

  it('XML that is not an XMLVend message', () => {
    expect(refusal('<html><body>502 Bad Gateway</body></html>')).toBe('unknown body element <html>: not an XMLVend request or response');
    expect(refusal('<GetQuoteResp xmlns="http://tempuri.org/"/>')).toBe('not an XMLVend message: <GetQuoteResp> is in namespace http://tempuri.org/');
    expect(refusal(`<r:creditVendReceipt xmlns:r="${NS.revenue}"/>`)).toMatch(/^unknown body element <creditVendReceipt>/);
    expect(refusal('<Envelope xmlns="urn:not-soap"><Body><creditVendResp/></Body></Envelope>')).toMatch(/^not an XMLVend message: an Envelope in namespace urn:not-soap/);
    expect(refusal(`<s:Envelope xmlns:s="${NS.soap11}"><s:Body/></s:Envelope>`)).toBe('SOAP Body is empty');
  });

  it('a server currency that is not ISO 4217', () => {
    expect(refusal(VEND, { currency: 'LD' })).toBe('the server\'s currency "LD" is not an ISO 4217 code');
  });
});

describe('incomplete messages', () => {
  it('a response without reqMsgID, a request without msgID', () => {
    expect(refusal(VEND.replace(/<ns2:reqMsgID[^>]*\/>/, ''))).toBe('missing required element reqMsgID in creditVendResp');
    expect(refusal(sample('CreditVendReq.2.xml').replace(/<msgID[^>]*\/>/, ''))).toBe('missing required element msgID in creditVendReq');
    expect(refusal(VEND.replace('uniqueNumber="4002"', ''))).toBe('missing attribute uniqueNumber on reqMsgID');
  });

  it('a vend without its receipt or transactions, an advice without the msgID it answers', () => {
    expect(refusal(VEND.replace(/<ns3:creditVendReceipt[\s\S]*<\/ns3:creditVendReceipt>/, ''))).toBe('missing required element creditVendReceipt in creditVendResp');
    expect(refusal(VEND.replace(/<ns3:transactions>[\s\S]*<\/ns3:transactions>/, ''))).toBe('missing required element transactions in creditVendReceipt');
    expect(refusal(sample('LastRespAdviceResp.2.xml').replace(/<adviceReqMsgID[^>]*\/>/, ''))).toBe('missing required element adviceReqMsgID in adviceResp');
    expect(refusal(sample('PayAccResp.1.xml').replace(/<payAccReceipt[\s\S]*<\/payAccReceipt>/, ''))).toBe('missing required element payAccReceipt in payAccResp');
  });

  it('a tax without its amount', () => {
    expect(refusal(VEND.replace('<ns2:amt symbol="R" value="11.74"/>', ''))).toBe('missing required element amt in tax');
  });
});

describe('bad amounts', () => {
  it('refuses what is not an exact amount of the currency', () => {
    expect(refusal(VEND.replace('value="78.26"', 'value="7.826e1"'))).toBe('bad amount in CreditVendTx amt: "7.826e1" is not a decimal amount');
    expect(refusal(VEND.replace('value="78.26"', 'value="78.265"'))).toBe('bad amount in CreditVendTx amt: "78.265" has more decimals than ZAR allows (2)');
    expect(refusal(VEND.replace('value="78.26"', 'value="null"'))).toBe('bad amount in CreditVendTx amt: "null" is not a decimal amount');
    expect(refusal(VEND.replace('value="78.26"', 'value=""'))).toBe('bad amount in CreditVendTx amt: empty amount');
    expect(refusal(VEND.replace('value="78.26"', 'value="78 .26"'))).toMatch(/^bad amount in CreditVendTx amt/);
    expect(refusal(VEND.replace('<ns3:amt symbol="R" value="78.26"/>', '<ns3:amt value="78.26"/>'))).toBe('missing attribute symbol on CreditVendTx amt');
    expect(refusal(VEND.replace('value="11.74"', 'value="11.745"'))).toBe('bad amount in VAT tax amt: "11.745" has more decimals than ZAR allows (2)');
    expect(refusal(VEND.replace('<ns3:tenderAmt symbol="R" value="90.00"/>', '<ns3:tenderAmt symbol="R" value="90,00"/>'))).toBe('bad amount in creditVendReceipt tenderAmt: "90,00" is not a decimal amount');
  });

  it('refuses a symbol that is neither ISO 4217 nor "R" unless the server currency is given', () => {
    const azm = VEND.replace(/symbol="R"/g, 'symbol="AZM"');
    expect(refusal(azm)).toBe('bad amount in clientStatus availCredit: currency symbol "AZM" is not an ISO 4217 code (give the server\'s currency to read it)');
    expect(readXmlVend(azm, { currency: 'ZAR' }).transactions.map((t) => t.minor)).toEqual([7826, 1174]);
  });

  it('refuses bad numbers where vend limits and units are', () => {
    expect(refusal(VEND.replace('<ns2:maxVendAmt>300.00</ns2:maxVendAmt>', '<ns2:maxVendAmt>lots</ns2:maxVendAmt>'))).toBe('bad number in meterDetail maxVendAmt: "lots"');
    expect(refusal(VEND.replace('value="64.7"', 'value="64,7"'))).toBe('bad number in creditTokenIssue units: "64,7"');
  });
});

describe('bad tokens', () => {
  it('an STS1 token is exactly 20 digits', () => {
    expect(refusal(VEND.replace('24563810754260247291', '2456381075426024729'))).toBe('bad token digits in creditTokenIssue: "2456381075426024729" is not the 20 digits of an STS1 token');
    expect(refusal(VEND.replace('24563810754260247291', '2456 3810 7542 6024 7291'))).toMatch(/^bad token digits in creditTokenIssue: "2456 3810/);
    expect(refusal(VEND.replace('24563810754260247291', '245638107542602472910'))).toMatch(/^bad token digits/);
    expect(refusal(VEND.replace('24563810754260247291', '2456381075426024729X'))).toMatch(/^bad token digits/);
    expect(refusal(sample('CreditVendResp.3.xml').replace('40560120821047291786', '4056012082104729178'))).toMatch(/^bad token digits in kcTokenIssue set2ndMeterKey/);
  });

  it('a vend without cipher digits is refused; only a trial vend may leave them empty', () => {
    expect(refusal(CONLOG.replace('<q3:stsCipher>04040404198000000596</q3:stsCipher>', '<q3:stsCipher/>'))).toBe('missing token digits in creditTokenIssue');
    expect(readXmlVend(sample('TrialCreditVendResp.3.xml')).tokens).toEqual([]);
  });

  it('half a key-change pair is refused', () => {
    expect(refusal(sample('CreditVendResp.3.xml').replace(/<ns2:set2ndMeterKey>[\s\S]*?<\/ns2:set2ndMeterKey>/, ''))).toBe('key-change token in kcTokenIssue without set2ndMeterKey');
  });
});

describe('anything else', () => {
  /** Reads or refuses with an XmlVendReadError: no other exception escapes. */
  const readsOrRefuses = (text: string) => {
    try {
      readXmlVend(text);
    } catch (e) {
      expect(e).toBeInstanceOf(XmlVendReadError);
      expect((e as Error).message).not.toMatch(/\n/);
    }
  };

  it('every truncation of every sample is refused as malformed XML', () => {
    const texts = readdirSync(SAMPLES).filter((f) => f.endsWith('.xml')).map(sample);
    fc.assert(fc.property(fc.constantFrom(...texts), fc.double({ min: 0, max: 1, noNaN: true }), (text, at) => {
      const cut = text.trimEnd().slice(0, Math.floor(at * (text.trimEnd().length - 1)));
      expect(() => readXmlVend(cut)).toThrow(XmlVendReadError);
    }), { numRuns: 500 });
  });

  it('random text and damaged samples never escape as another error', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), readsOrRefuses), { numRuns: 1000 });
    const texts = readdirSync(SAMPLES).filter((f) => f.endsWith('.xml')).map(sample);
    fc.assert(fc.property(fc.constantFrom(...texts), fc.nat(), fc.string({ maxLength: 3 }), (text, at, junk) => {
      const i = at % text.length;
      readsOrRefuses(text.slice(0, i) + junk + text.slice(i + junk.length));
    }), { numRuns: 2000 });
  });
});
