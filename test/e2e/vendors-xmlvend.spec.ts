// Settings > Vendors, the STS vendor switched to XMLVend 2.1 by an admin through the real screen:
// a wrong client ID refused with main's sentence under the field, the form corrected and saved,
// the connection tested against a SOAP server on 127.0.0.1, and after a reload (and a new login)
// every value is back, the password box empty and saying "stored". Then back to Shahn's API.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_CREDENTIALS } from '../sim/demo-data';
import { login, startShahnUnderTest, type ShahnUnderTest } from './kit';

const PASSWORD = 'Xv-pass-4711-zq';
let s: ShahnUnderTest;
let soap: http.Server;
let soapUrl: string;
let soapRequests = 0;

test.beforeAll(async () => {
  s = await startShahnUnderTest({ name: 'vendors-xmlvend' });
  // An XMLVend server that has never seen the message asked about: "no last response" proves the
  // address, client ID and operator are right (what "test connection" asks).
  soap = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      soapRequests += 1;
      res.writeHead(500, { 'content-type': 'text/xml; charset=utf-8' });
      res.end(`<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultcode>s:Server</faultcode><faultstring>fault</faultstring><detail>
<b:xmlvendFaultResp xmlns:b="http://www.nrs.eskom.co.za/xmlvend/base/2.1/schema" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">
<b:fault i:type="b:LastResponseEx"><b:desc>No last response for that message</b:desc></b:fault></b:xmlvendFaultResp></detail></s:Fault></s:Body></s:Envelope>`);
    });
  });
  await new Promise<void>((r) => soap.listen(0, '127.0.0.1', () => r()));
  soapUrl = `http://127.0.0.1:${(soap.address() as AddressInfo).port}/xmlvend/2.1`;
});
test.afterAll(async () => {
  await s?.close();
  await new Promise<void>((r) => (soap ? soap.close(() => r()) : r()));
});

const x = (field: string) => `vendor-sts-xmlvend-${field}`;

async function openVendors(page: Page): Promise<void> {
  await login(page, s.shahn.url, 'admin', '9999');
  if ((await page.locator('html').getAttribute('lang')) !== 'en') await page.getByTestId('lang-switch').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByTestId('nav-vendors').click();
  await expect(page.getByTestId('vendor-sts')).toBeVisible();
}

test('an admin makes the STS vendor an XMLVend server, tests it, and finds it so after a reload', async ({ page }) => {
  await openVendors(page);
  const card = page.getByTestId('vendor-sts');
  await expect(page.getByTestId('vendor-sts-protocol-shahn')).toBeChecked();
  await page.getByTestId('vendor-sts-protocol-xmlvend').check({ force: true });
  await expect(page.getByTestId(x('fields'))).toBeVisible();
  // Not saved yet: a test would ask Shahn's API, so it waits for the save.
  await expect(page.getByTestId('vendor-sts-test')).toBeDisabled();
  await expect(page.getByTestId('vendor-sts-save-first')).toBeVisible();
  // Shahn's API boxes are gone; a new server sells in the counter's currency unless told otherwise.
  await expect(page.getByTestId('vendor-sts-apiKey')).toHaveCount(0);
  await expect(page.getByTestId(x('currency'))).toHaveValue('YER');

  await page.getByTestId(x('url')).fill(soapUrl);
  await page.getByTestId(x('clientId')).fill('60012345'); // 8 digits: main refuses it
  await page.getByTestId(x('terminalId')).fill('TILL-07');
  await page.getByTestId(x('opName')).fill('OP07');
  await page.getByTestId(x('password')).fill(PASSWORD);
  await page.getByTestId(x('soapVersion-1.2')).check({ force: true });
  await page.getByTestId(x('advice')).fill('12');
  await page.getByTestId(x('conlogVendingServerId')).fill('3');
  await page.getByTestId(x('hexingLogin')).check();
  await page.getByTestId('vendor-sts-save').click();
  await expect(card.getByTestId('error-message')).toContainText('correct the fields marked in red');
  await expect(page.getByTestId(x('clientId'))).toHaveAttribute('aria-invalid', 'true');
  await expect(card).toContainText('Client ID: the 13-digit EAN the utility gave this counter, digits only.');
  await expect(page.getByTestId(x('url'))).not.toHaveAttribute('aria-invalid', 'true');

  await page.getByTestId(x('clientId')).fill('6001234567899');
  await page.getByTestId('vendor-sts-save').click();
  await expect(page.getByTestId('vendor-sts-saved')).toBeVisible();
  await expect(page.getByTestId('vendor-sts-source')).toContainText('Saved in Settings');
  await expect(page.getByTestId('vendor-sts-save-first')).toHaveCount(0);
  await expect(page.getByTestId(x('password'))).toHaveValue('');
  await expect(page.getByTestId(x('password'))).toHaveAttribute('placeholder', 'Stored');

  await page.getByTestId('vendor-sts-test').click();
  await expect(page.getByTestId('vendor-sts-result')).toContainText("accepted this counter's client ID and operator");
  expect(soapRequests).toBeGreaterThan(0);

  // A reload ends the session: log in again and every value is back.
  await page.reload();
  await openVendors(page);
  await expect(page.getByTestId('vendor-sts-protocol-xmlvend')).toBeChecked();
  await expect(page.getByTestId(x('url'))).toHaveValue(soapUrl);
  await expect(page.getByTestId(x('clientId'))).toHaveValue('6001234567899');
  await expect(page.getByTestId(x('terminalId'))).toHaveValue('TILL-07');
  await expect(page.getByTestId(x('terminalIdKind-generic'))).toBeChecked();
  await expect(page.getByTestId(x('opName'))).toHaveValue('OP07');
  await expect(page.getByTestId(x('password'))).toHaveValue('');
  await expect(page.getByTestId(x('password'))).toHaveAttribute('placeholder', 'Stored');
  await expect(page.getByTestId(x('currency'))).toHaveValue('YER');
  await expect(page.getByTestId(x('soapVersion-1.2'))).toBeChecked();
  await expect(page.getByTestId(x('advice'))).toHaveValue('12');
  await expect(page.getByTestId(x('adviceUnit-hours'))).toBeChecked();
  await expect(page.getByTestId(x('conlogVendingServerId'))).toHaveValue('3');
  await expect(page.getByTestId(x('hexingLogin'))).toBeChecked();
  await expect(page.locator('body')).not.toContainText(PASSWORD);

  // Back to Shahn's API: its key and secret are typed again, and the XMLVend fields go.
  await page.getByTestId('vendor-sts-protocol-shahn').check({ force: true });
  await page.getByTestId('vendor-sts-baseUrl').fill(s.sims.stsUrl);
  await page.getByTestId('vendor-sts-apiKey').fill(DEMO_CREDENTIALS.sts.apiKey);
  await page.getByTestId('vendor-sts-apiSecret').fill(DEMO_CREDENTIALS.sts.apiSecret);
  await page.getByTestId('vendor-sts-merchantId').fill(DEMO_CREDENTIALS.sts.merchantId ?? 'SHAHN-DEMO-001');
  await page.getByTestId('vendor-sts-save').click();
  await expect(page.getByTestId('vendor-sts-saved')).toBeVisible();
  await page.getByTestId('vendor-sts-test').click();
  await expect(page.getByTestId('vendor-sts-result')).toContainText("accepted this counter's key and signature");
  await page.getByTestId('vendor-sts-protocol-xmlvend').check({ force: true });
  await expect(page.getByTestId(x('url'))).toHaveValue('');
  await expect(page.getByTestId(x('password'))).toHaveAttribute('placeholder', 'Not stored');
});
