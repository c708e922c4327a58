// The customers screen on a counter with many customers of the same name: a search shows one page
// (50), says that more match and asks to refine, and a refined search shows exactly the one meant.
import { expect, test } from '@playwright/test';
import { login, startShahnUnderTest, type ShahnUnderTest } from './kit';

let under: ShahnUnderTest;
test.beforeAll(async () => {
  under = await startShahnUnderTest({ name: 'customers-search' });
  const { app } = under.shahn;
  const signIn = await app.call('auth.login', { username: 'supervisor', pin: '2222' });
  if (!signIn.ok) throw new Error(signIn.error.message.en);
  const token = (signIn.value as { token: string }).token;
  // 60 customers called سالم (more than a page), each with their own phone.
  for (let i = 0; i < 60; i++) {
    const made = await app.call('customers.create', { nameAr: `سالم الحكيمي ${i + 1}`, nameLatin: `Salem Al-Hakimi ${i + 1}`, phone: `77700${String(i).padStart(4, '0')}` }, token);
    if (!made.ok) throw new Error(made.error.message.en);
  }
});
test.afterAll(async () => under?.close());

test('a search matching more than a page shows the first 50 and asks to refine', async ({ page }, info) => {
  await login(page, under.shahn.url, 'supervisor', '2222');
  if ((await page.locator('html').getAttribute('lang')) !== 'ar') await page.getByTestId('lang-switch').click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.getByTestId('nav-customers').click();

  await page.getByTestId('customers-search').fill('سالم الحكيمي');
  await page.getByTestId('customers-search').press('Enter');
  await expect(page.getByTestId('customer-row')).toHaveCount(50);
  await expect(page.getByTestId('customers-more')).toContainText('50');
  await expect(page.getByTestId('customers-more')).toContainText('دقِّق البحث');
  await page.screenshot({ path: info.outputPath('customers-first-page-ar.png') });
  await page.getByTestId('lang-switch').click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.getByTestId('customers-more')).toContainText('Showing the first 50 matches only');
  await page.screenshot({ path: info.outputPath('customers-first-page-en.png') });

  // Refined by phone: one customer, and no notice.
  await page.getByTestId('customers-search').fill('777000042');
  await page.getByTestId('customers-search').press('Enter');
  await expect(page.getByTestId('customer-row')).toHaveCount(1);
  await expect(page.getByTestId('customer-row')).toContainText('سالم الحكيمي 43');
  await expect(page.getByTestId('customers-more')).toHaveCount(0);
});
