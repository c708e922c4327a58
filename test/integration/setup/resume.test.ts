// Setup survives a restart: what a step saved is kept, the flow resumes at the first step not
// done, and the saved counter settings are in force from the start (before the first admin).
// Offline only makes this counter vend STS tokens itself.
import { describe, expect, it } from 'vitest';
import { startEmpty } from './kit';

describe('setup after a restart', () => {
  it('resumes at the step it stopped at, with the values saved so far', async () => {
    let h = await startEmpty();
    const dataDir = h.dataDir;
    await h.call('setup.saveLanguage', { language: 'ar' });
    await h.call('setup.saveCounter', { name: 'عدن - كريتر', number: '3' });
    await h.call('setup.saveCurrency', { code: 'KWD', decimals: 3 });
    await h.close(); // the power goes: the next start is a new process on the same folder

    h = await startEmpty(dataDir);
    try {
      expect(await h.call('setup.status', {})).toMatchObject({
        needed: true, step: 'timeZone', done: ['language', 'counter', 'currency'],
        saved: { language: 'ar', counter: { name: 'عدن - كريتر', number: '3' }, currency: { code: 'KWD', decimals: 3 }, timeZone: null, company: null },
      });
      expect(await h.call('app.info', {})).toMatchObject({ counterName: 'عدن - كريتر', counterNumber: '3', currency: 'KWD', currencyDecimals: 3 });
      await h.call('setup.saveTimeZone', { timeZone: 'Asia/Aden' });
      await h.call('setup.saveCompany', { name: { ar: 'كهرباء عدن', en: 'Aden Power' }, address: { ar: '', en: '' }, taxNumber: '' });
      expect(await h.call('setup.finishVendors', { offlineOnly: true })).toEqual({ step: 'vendors', next: 'printer' });
      expect(h.app.sales.vending.mode).toBe('local');
    } finally {
      await h.close();
    }

    h = await startEmpty(dataDir);
    try {
      expect(await h.call('setup.status', {})).toMatchObject({
        step: 'printer', saved: { timeZone: 'Asia/Aden', company: { name: { en: 'Aden Power' }, address: null, taxNumber: null }, vendors: { offlineOnly: true } },
      });
      expect(h.app.sales.vending.mode).toBe('local');
      expect(h.app.config.currency).toBe('KWD');
    } finally {
      await h.close();
    }
  });
});
