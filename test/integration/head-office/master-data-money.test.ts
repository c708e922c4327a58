// Master data's amounts are in the head office's money (HEAD_OFFICE_CURRENCY and its decimals, said
// on every page): a counter set to other decimals applies none of it, says why in both languages on
// its sync status, and applies it all once its own money matches. An older head office's page
// without the money is refused whole.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { latestMasterVersion } from '../../../head-office/db/master-data';
import { applyMasterEdits } from '../../../head-office/master-data/edits';
import { MasterDataPageSchema } from '../../../main/vendors/head-office/master-data-wire';
import { createHeadOfficeClient } from '../../../main/vendors/head-office/client';
import { createMasterDataSync } from '../../../main/master-data/sync';
import { openDb } from '../../../db/open';
import type { NewCounter } from '../../../head-office/counters';
import { customer, schedule, stsMeter } from '../../helpers/master-data-fixtures';
import { startHarness, type Harness } from '../../helpers/harness';
import { startTestHeadOffice, type TestHeadOffice } from '../../helpers/head-office';
import { usePostgres } from '../../helpers/postgres';

const postgres = usePostgres();
let ho: TestHeadOffice;
const open: Harness[] = [];
beforeAll(async () => {
  ho = await startTestHeadOffice(await postgres.freshDatabase(), { currency: { code: 'YER', decimals: 0 } });
}, 60_000);
afterAll(() => ho?.close());
afterEach(async () => {
  await Promise.all(open.splice(0).map((h) => h.close()));
});

async function counterAt(c: NewCounter, dataDir: string, env: Record<string, string> = {}): Promise<Harness> {
  const h = await startHarness({
    dataDir,
    env: { HEAD_OFFICE_URL: ho.url, HEAD_OFFICE_KEY: c.apiKey, HEAD_OFFICE_SECRET: c.apiSecret, SHAHN_MASTER_DATA: 'head-office', SHAHN_MASTER_DATA_PULL_MS: '3600000', ...env },
  });
  open.push(h);
  return h;
}

describe('the money of master data', () => {
  it('a counter in other decimals applies nothing and says both moneys; once it matches, everything applies', async () => {
    const c = await ho.addCounter();
    await applyMasterEdits(ho.pool, [
      { entity: 'tariff_schedule', data: schedule({ feeMinor: 500 }) }, { entity: 'customer', data: customer() }, { entity: 'meter', data: stsMeter({ creditLimitMinor: 100_000 }) },
      { entity: 'user', data: { counterId: c.id, username: 'amal', displayName: 'أمل', role: 'cashier', locale: 'ar', active: true, pin: '2580' } },
    ], 'test');
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shahn-money-'));
    const h = await counterAt(c, dataDir, { SHAHN_CURRENCY: 'YER', SHAHN_CURRENCY_DECIMALS: '2' });
    const stuck = await h.app.masterData.syncNow();
    expect(stuck.cursor).toBe(0);
    expect(stuck.error).toMatchObject({ entity: 'head-office', key: 'currency YER/0' });
    expect(stuck.error!.message.en).toContain('The head office sells in YER with 0 decimals; this counter is set to YER with 2.');
    expect(stuck.error!.message.ar).toContain('المكتب الرئيسي يبيع بعملة YER بعدد 0 من الخانات العشرية؛ ونقطة البيع هذه مضبوطة على YER بعدد 2');
    // Nothing of the page: no schedule, customer or user of the head office's.
    const count = (sql: string) => (h.app.db.read.prepare(sql).get() as { n: number }).n;
    expect(count(`SELECT COUNT(*) AS n FROM tariff_schedules WHERE code = 'HO-RES'`)).toBe(0);
    expect(count('SELECT COUNT(*) AS n FROM customers WHERE ho_key IS NOT NULL')).toBe(0);
    expect(count('SELECT COUNT(*) AS n FROM users WHERE ho_key IS NOT NULL')).toBe(0);
    // The screens read it from the status.
    await h.login('supervisor', '2222');
    expect((await h.call('masterData.status', {})).error?.key).toBe('currency YER/0');

    // Another currency is refused the same way.
    await h.close();
    open.splice(0);
    const sar = await counterAt(c, dataDir, { SHAHN_CURRENCY: 'SAR', SHAHN_CURRENCY_DECIMALS: '0' });
    expect((await sar.app.masterData.syncNow()).error!.message.en).toContain('this counter is set to SAR with 0');
    await sar.close();
    open.splice(0);

    // The counter set to the head office's money: the same page applies whole.
    const fixed = await counterAt(c, dataDir);
    const done = await fixed.app.masterData.syncNow();
    expect(done).toMatchObject({ error: null, cursor: await latestMasterVersion(ho.pool), heldBack: [] });
    expect(fixed.app.db.read.prepare(`SELECT fee_minor FROM tariff_schedules WHERE code = 'HO-RES'`).get()).toEqual({ fee_minor: 500 });
    expect(fixed.app.db.read.prepare('SELECT credit_limit_minor FROM meters WHERE number = ?').get(stsMeter().number)).toEqual({ credit_limit_minor: 100_000 });
  });

  it('the page says its money; a page without it (an older head office) does not read as a page', async () => {
    const c = await ho.addCounter();
    const page = await createHeadOfficeClient(ho.endpoint(c)).pullMasterData(0, 10);
    expect(page).toMatchObject({ kind: 'ok', value: { currency: 'YER', currencyDecimals: 0 } });
    expect(MasterDataPageSchema.safeParse({ changes: [], cursor: 0, more: false }).success).toBe(false);
    expect(MasterDataPageSchema.safeParse({ currency: 'YER', currencyDecimals: 0, changes: [], cursor: 0, more: false }).success).toBe(true);
  });

  it('a page from an older head office (no money on it) applies nothing, and says to update the head office', async () => {
    // What a head office before the money fields answers: a page without currency or decimals.
    const old = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ changes: [{ entity: 'tariff_group', key: 'G1', version: 1, data: { code: 'G1', name: { ar: 'م', en: 'G' }, scheduleCode: 'RES' } }], cursor: 1, more: false }));
    });
    await new Promise<void>((r) => old.listen(0, '127.0.0.1', r));
    const db = openDb(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shahn-money-')), 'c.sqlite'));
    try {
      const client = createHeadOfficeClient({ baseUrl: `http://127.0.0.1:${(old.address() as AddressInfo).port}`, apiKey: 'ctr-1', apiSecret: 's'.repeat(32), merchantId: null, timeoutMs: 5_000, retryAttempts: 0 });
      const sync = createMasterDataSync({ db, client: () => client, owner: () => 'head-office', now: () => new Date(), intervalMs: 60_000, endSessions: () => undefined,
        money: () => ({ currency: 'YER', currencyDecimals: 0 }), log: { info: () => undefined, warn: () => undefined, error: () => undefined } });
      const s = await sync.syncNow();
      expect(s.cursor).toBe(0);
      expect(s.error!.message.en).toContain('an older head office does not say the currency of its amounts');
      expect(s.error!.message.ar).toContain('حدّث المكتب الرئيسي');
      expect(db.read.prepare(`SELECT COUNT(*) AS n FROM tariff_groups WHERE code = 'G1'`).get()).toEqual({ n: 0 });
    } finally {
      db.close();
      await new Promise((r) => old.close(r));
    }
  });
});
