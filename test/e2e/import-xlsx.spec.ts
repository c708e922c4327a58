// A supervisor imports meters from an .xlsx workbook on the customers screen: the dry run lists the
// refused row (its Excel row and why, in the page's language with the other one under it), the
// corrected workbook passes, the supervisor confirms, and the new meter is found on the sell screen.
import { expect, test } from '@playwright/test';
import { findMeter, login, startShahnUnderTest, type ShahnUnderTest } from './kit';
import { stsNumber, toXlsx } from '../helpers/import-sheet';
import { DEMO_STS_KEYS } from '../sim/demo-data';

let under: ShahnUnderTest;
test.beforeAll(async () => {
  under = await startShahnUnderTest({ name: 'import-xlsx' });
});
test.afterAll(async () => under?.close());

const STS = [DEMO_STS_KEYS.sgc, DEMO_STS_KEYS.ti, String(DEMO_STS_KEYS.krn), String(DEMO_STS_KEYS.keyType), '2014'];
const FIRST = stsNumber('0580000001'); // starts with 0: kept as a text cell
const SECOND = stsNumber('0580000002');
const CLOUD = '202458000003';
const rows = (second: string | number) => [
  [FIRST, 'sts', 'نادية الحكيمي', 'Nadia', '777555001', 'تعز', 'RES-TOU', '', ...STS],
  [second, 'sts', 'نادية الحكيمي', 'Nadia', '777555001', 'تعز', 'RES-TOU', '', ...STS],
  [CLOUD, 'acrel', 'محل الأمل', '', '', '', '', 'FEEDER-3'],
];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

test('imports meters from an .xlsx', async ({ page }, info) => {
  await login(page, under.shahn.url, 'supervisor', '2222');
  if ((await page.locator('html').getAttribute('lang')) !== 'ar') await page.getByTestId('lang-switch').click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.getByTestId('nav-customers').click();
  await page.getByTestId('csv-open').click();

  // Not a workbook (whatever its name says): refused with the reason, once, beside the buttons.
  await page.getByTestId('csv-file').setInputFiles({ name: 'meters.xlsx', mimeType: XLSX, buffer: Buffer.from([0x25, 0x50, 0x44, 0x46, 0xff, 0xfe, 0x00]) });
  await page.getByTestId('csv-dry-run').click();
  await expect(page.getByTestId('error-message')).toHaveCount(1);
  await expect(page.getByTestId('error-message')).toContainText('Excel');
  await expect(page.getByTestId('csv-report')).toHaveCount(0);

  // Row 3 holds the second meter as a number: Excel dropped its leading 0.
  await page.getByTestId('csv-file').setInputFiles({ name: 'meters.xlsx', mimeType: XLSX, buffer: await toXlsx(rows(Number(SECOND))) });
  await expect(page.getByTestId('import-file')).toContainText('meters.xlsx');
  await page.getByTestId('csv-dry-run').click();
  const report = page.getByTestId('csv-report');
  await expect(report).toHaveAttribute('data-ok', 'false');
  await expect(page.getByTestId('import-refused-rows')).toHaveText('1');
  const refused = page.getByTestId('csv-error');
  await expect(refused).toHaveCount(1);
  await expect(refused).toHaveAttribute('data-line', '3');
  await expect(refused).toContainText('الصفر'); // the reason in Arabic…
  await expect(refused).toContainText('leading zero'); // …and in English beneath it
  await expect(page.getByTestId('csv-import')).toBeDisabled();
  await page.screenshot({ path: info.outputPath('import-refused-ar.png'), fullPage: true });
  await page.getByTestId('lang-switch').click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(refused).toContainText('Excel stored meter number');
  await page.screenshot({ path: info.outputPath('import-refused-en.png'), fullPage: true });

  // The corrected workbook: the dry run is clean, and only then does Import write it.
  await page.getByTestId('csv-file').setInputFiles({ name: 'meters-fixed.xlsx', mimeType: XLSX, buffer: await toXlsx(rows(SECOND)) });
  await expect(page.getByTestId('csv-report')).toHaveCount(0);
  await page.getByTestId('csv-dry-run').click();
  await expect(report).toHaveAttribute('data-ok', 'true');
  await expect(page.getByTestId('import-meters')).toHaveText('3');
  await expect(page.getByTestId('import-new-customers')).toHaveText('2');
  await page.screenshot({ path: info.outputPath('import-clean-en.png'), fullPage: true });
  await expect(page.getByTestId('csv-import')).toHaveText('Import 3 meters');
  await page.getByTestId('csv-import').click();
  await expect(page.getByTestId('csv-result')).toHaveAttribute('data-ok', 'true');
  await expect(page.getByTestId('csv-result')).toContainText('Imported');
  await expect(page.getByTestId('import-meters')).toHaveText('3');

  await page.getByTestId('nav-sell').click();
  await findMeter(page, SECOND);
  await expect(page.getByTestId('meter-card')).toContainText('Nadia'); // the page is in English now: the Latin name
  await findMeter(page, CLOUD);
});
