import { describe, expect, it } from 'vitest';
import type { VendorSettingsView } from '../../../preload/contract';
import { adviceBoxes, adviceMs, settingsInput, shahnForm, xmlvendForm } from './forms';

const shahnView: VendorSettingsView = {
  vendor: 'sts', source: 'environment', baseUrl: 'http://127.0.0.1:1', merchantId: 'SHAHN-DEMO-001', timeoutMs: 30_000, retryAttempts: 3,
  hasKey: true, keyLast4: 'y-01', hasSecret: true, updatedAt: null, protocol: 'shahn', xmlvend: null,
};
const xmlvendView: VendorSettingsView = {
  ...shahnView, source: 'saved', baseUrl: 'https://vend.example/xmlvend', merchantId: '6001234567899', keyLast4: null, protocol: 'xmlvend',
  xmlvend: { opName: 'OP07', terminalId: 'TILL-07', terminalIdKind: 'generic', soapVersion: '1.2', currency: 'LYD', adviceWindowMs: 5_400_000, conlogVendingServerId: null, hexingLogin: true },
};

describe('the advice window in hours or minutes', () => {
  it('shows whole hours as hours, anything else as minutes', () => {
    expect(adviceBoxes(86_400_000)).toEqual({ advice: '24', adviceUnit: 'hours' });
    expect(adviceBoxes(5_400_000)).toEqual({ advice: '90', adviceUnit: 'minutes' });
    expect(adviceBoxes(90_500)).toEqual({ advice: '1.508', adviceUnit: 'minutes' });
  });

  it('reads what is typed, Arabic-Indic digits too, as milliseconds; -1 for main to name', () => {
    expect(adviceMs('24', 'hours')).toBe(86_400_000);
    expect(adviceMs('١٫٥', 'hours')).toBe(5_400_000);
    expect(adviceMs(' 90 ', 'minutes')).toBe(5_400_000);
    for (const bad of ['', 'abc', '-1', '1,5', '1.2345']) expect(adviceMs(bad, 'hours')).toBe(-1);
  });
});

describe('a vendor card\'s boxes', () => {
  it('keep each protocol\'s own values: a Shahn view leaves the XMLVend boxes empty, with the counter\'s currency', () => {
    expect(shahnForm(shahnView)).toMatchObject({ baseUrl: 'http://127.0.0.1:1', merchantId: 'SHAHN-DEMO-001' });
    expect(xmlvendForm(shahnView, 'LYD')).toMatchObject({ url: '', clientId: '', opName: '', currency: 'LYD', soapVersion: '1.1', advice: '24', adviceUnit: 'hours' });
    expect(xmlvendForm(shahnView, 'XXX').currency).toBe('');
    expect(shahnForm(xmlvendView)).toMatchObject({ baseUrl: '', merchantId: '' });
    expect(xmlvendForm(xmlvendView, 'YER')).toMatchObject({ url: 'https://vend.example/xmlvend', clientId: '6001234567899', opName: 'OP07', password: '', currency: 'LYD', advice: '90', adviceUnit: 'minutes', conlogVendingServerId: '', hexingLogin: true });
  });

  it('send XMLVend as main reads it: operator as the key, password as the secret, the retries saved for Shahn untouched', () => {
    const x = { ...xmlvendForm(xmlvendView, 'LYD'), password: 'secret12', clientId: '٦٠٠١٢٣٤٥٦٧٨٩٩', conlogVendingServerId: '٣' };
    expect(settingsInput('xmlvend', shahnForm(xmlvendView), x, 7)).toEqual({
      baseUrl: 'https://vend.example/xmlvend', apiKey: 'OP07', apiSecret: 'secret12', merchantId: '6001234567899', timeoutMs: 30_000, retryAttempts: 7, protocol: 'xmlvend',
      xmlvend: { terminalId: 'TILL-07', terminalIdKind: 'generic', soapVersion: '1.2', currency: 'LYD', adviceWindowMs: 5_400_000, conlogVendingServerId: '3', hexingLogin: true },
    });
    expect(settingsInput('shahn', { ...shahnForm(shahnView), timeoutMs: 'x' }, x, 7)).toEqual({
      baseUrl: 'http://127.0.0.1:1', apiKey: '', apiSecret: '', merchantId: 'SHAHN-DEMO-001', timeoutMs: -1, retryAttempts: 3, protocol: 'shahn',
    });
  });
});
