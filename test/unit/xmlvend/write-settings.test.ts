// The settings of an XMLVend server: defaults, the NRS field rules (EAN-13 with its GS1 check
// digit, OpName, MsgID-free fields), the explicit terminal ID kind, vendor extensions off unless
// set, and one sentence per bad field in both languages that never repeats the password.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../main/common/errors';
import { checkXmlVendSettings, XMLVEND_SETTINGS_RULES } from '../../../main/vendors/xmlvend/settings';

const good = { url: 'https://vend.example/xmlvend', clientId: '6001234567899', terminalId: 'TILL-1', opName: 'OP01', password: 'secret12', currency: 'LYD' };

function refusal(input: unknown): AppError {
  try {
    checkXmlVendSettings(input);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('BAD_INPUT');
    return e as AppError;
  }
  throw new Error('expected the settings to be refused');
}

describe('EAN-13', () => {
  it("takes the captured servers' client IDs, which are 13 digits but not GS1-valid", () => {
    expect(checkXmlVendSettings({ ...good, clientId: '0000000000026' }).clientId).toBe('0000000000026');
    expect(checkXmlVendSettings({ ...good, terminalIdKind: 'ean', terminalId: '0000000000003' }).terminalId).toBe('0000000000003');
  });
});

describe('XmlVendSettings', () => {
  it('fills in the defaults: SOAP 1.1, generic terminal, 30 s timeout, a day of advice window, extensions off', () => {
    expect(checkXmlVendSettings(good)).toEqual({
      ...good, soapVersion: '1.1', terminalIdKind: 'generic', timeoutMs: 30_000, adviceWindowMs: 86_400_000, hexingLogin: false,
    });
    expect(checkXmlVendSettings(good).conlogVendingServerId).toBeUndefined();
  });

  it('takes SOAP 1.2, an EAN terminal, and the vendor extensions when set', () => {
    const s = checkXmlVendSettings({ ...good, soapVersion: '1.2', terminalId: '5901234123457', terminalIdKind: 'ean', conlogVendingServerId: '1', hexingLogin: true, password: 'A'.repeat(40) });
    expect(s).toMatchObject({ soapVersion: '1.2', terminalIdKind: 'ean', conlogVendingServerId: '1', hexingLogin: true });
  });

  it.each([
    ['an ftp address', { url: 'ftp://vend.example' }, 'url'],
    ['credentials in the address', { url: 'https://op:pw@vend.example/' }, 'url'],
    ['SOAP 1.3', { soapVersion: '1.3' }, 'soapVersion'],
    ['a client ID with a letter', { clientId: '600123456789A' }, 'clientId'],
    ['a 12-digit client ID', { clientId: '600123456789' }, 'clientId'],
    ['an empty terminal ID', { terminalId: '' }, 'terminalId'],
    ['a 33-character terminal ID', { terminalId: 'T'.repeat(33) }, 'terminalId'],
    ['a terminal ID with spaces at the end', { terminalId: 'TILL-1 ' }, 'terminalId'],
    ['an EAN terminal that is not an EAN', { terminalIdKind: 'ean', terminalId: 'TILL-1' }, 'terminalId'],
    ['an EAN terminal of 14 digits', { terminalIdKind: 'ean', terminalId: '00000000000031' }, 'terminalId'],
    ['an operator name of 11 characters', { opName: 'OPERATOR-11' }, 'opName'],
    ['an operator name with a space', { opName: 'OP 1' }, 'opName'],
    ['a password of 5 characters', { password: 'abcde' }, 'password'],
    ['a password with a space', { password: 'abc def1' }, 'password'],
    ['a password with a control character', { password: 'abcdef\u0001' }, 'password'],
    ['a lower-case currency', { currency: 'lyd' }, 'currency'],
    ['a currency ISO 4217 does not have', { currency: 'ABC' }, 'currency'],
    ['a timeout of 500 ms', { timeoutMs: 500 }, 'timeoutMs'],
    ['an advice window of 10 s', { adviceWindowMs: 10_000 }, 'adviceWindowMs'],
    ['a Conlog server id with letters', { conlogVendingServerId: 'one' }, 'conlogVendingServerId'],
    ['Hexing login as text', { hexingLogin: 'yes' }, 'hexingLogin'],
  ])('refuses %s, naming the field in both languages', (_name, change, field) => {
    const e = refusal({ ...good, ...change });
    expect(e.issues).toEqual([field]);
    expect(e.bilingual).toEqual(XMLVEND_SETTINGS_RULES[field as keyof typeof XMLVEND_SETTINGS_RULES]);
  });

  it('names every bad field at once, and never repeats the password', () => {
    const e = refusal({ ...good, clientId: '1', password: 'pw 1', currency: 'XYZ' });
    expect(e.issues).toEqual(['clientId', 'password', 'currency']);
    expect(e.bilingual.en).not.toContain('pw 1');
    expect(e.bilingual.ar).not.toContain('pw 1');
  });

  it('refuses a field it does not know (a misspelt extension must not be silently off)', () => {
    const e = refusal({ ...good, conlogVendingServerID: '1' });
    expect(e.bilingual.en).toContain('conlogVendingServerID');
    expect(e.issues).toEqual(['conlogVendingServerID']);
  });

  it('refuses what is not a settings object', () => {
    expect(refusal(null).bilingual.en).toMatch(/settings of one server/);
  });

  it('has a rule in Arabic and English for every field of the schema', () => {
    const fields = Object.keys(checkXmlVendSettings({ ...good, conlogVendingServerId: '1' })).sort();
    expect(Object.keys(XMLVEND_SETTINGS_RULES).sort()).toEqual(fields);
    for (const rule of Object.values(XMLVEND_SETTINGS_RULES)) {
      expect(rule.en.length).toBeGreaterThan(10);
      expect(rule.ar).toMatch(/[\u0600-\u06FF]/);
    }
  });
});
