// Settings > Vendors: saved connection settings override the environment, the key and secret are
// sealed at rest and never come back out, the next sale uses what was saved, and "test connection"
// says ok / refused / unreachable in plain words.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VendorSettingsInput } from '../../../preload/contract';
import { startHarness, type Harness } from '../../helpers/harness';
import { startSimulators, type Simulators } from '../../sim';
import { DEMO_CREDENTIALS, DEMO_STS_METERS } from '../../sim/demo-data';
import { users, type Users } from '../day/helpers';

let h: Harness;
let u: Users;
let second: Simulators;
beforeAll(async () => {
  h = await startHarness();
  u = await users(h);
  second = await startSimulators();
});
afterAll(async () => {
  await h.close();
  await second.close();
});

const SECRET = 'Zq7-very-private-secret-4711-xyz';
const KEY = 'brand-new-api-key-9876';
const stsIn = (o: Partial<VendorSettingsInput> = {}): VendorSettingsInput => ({
  baseUrl: h.sims.stsUrl, apiKey: '', apiSecret: '', merchantId: DEMO_CREDENTIALS.sts.merchantId ?? 'SHAHN-DEMO-001', timeoutMs: 5_000, retryAttempts: 1, ...o,
});
const settingsRow = (vendor: string) =>
  h.app.db.read.prepare('SELECT key, value_json, updated_at FROM settings WHERE key = ?').get(`vendors.${vendor}`) as { value_json: string } | undefined;
const everything = () => JSON.stringify(h.app.db.read.prepare('SELECT * FROM settings').all()) + JSON.stringify(h.app.db.read.prepare('SELECT * FROM audit_log').all());
const sell = async (who: 'cashier' | 'admin' = 'cashier') =>
  u.call(who, 'sales.sell', await u.confirmed(who, { meterNumber: DEMO_STS_METERS[0]!.number, amountMinor: 1000, tenderedMinor: 1000, paymentMethod: 'cash' }));

describe('vendor settings', () => {
  it('start from the environment; reads never show a secret, at most the key\'s last four characters', async () => {
    const views = await u.call('supervisor', 'vendors.settings', {});
    expect(views.map((v) => v.vendor)).toEqual(['sts', 'acrel', 'headOffice']);
    for (const v of views) expect(v).toMatchObject({ source: 'environment', hasKey: true, hasSecret: true, updatedAt: null });
    const sts = views[0]!;
    expect(sts).toMatchObject({ baseUrl: h.sims.stsUrl, merchantId: DEMO_CREDENTIALS.sts.merchantId, timeoutMs: 30_000, retryAttempts: 3, keyLast4: DEMO_CREDENTIALS.sts.apiKey.slice(-4) });
    const text = JSON.stringify(views);
    for (const c of [DEMO_CREDENTIALS.sts, DEMO_CREDENTIALS.acrel, DEMO_CREDENTIALS.headOffice]) {
      expect(text).not.toContain(c.apiSecret);
      expect(text).not.toContain(c.apiKey);
    }
  });

  it('only an admin saves; a cashier can neither read nor test', async () => {
    expect((await u.fail('supervisor', 'vendors.saveSettings', { vendor: 'sts', settings: stsIn() })).code).toBe('FORBIDDEN');
    expect((await u.fail('cashier', 'vendors.settings', {})).code).toBe('FORBIDDEN');
    expect((await u.fail('cashier', 'vendors.testConnection', { vendor: 'sts' })).code).toBe('FORBIDDEN');
    expect(settingsRow('sts')).toBeUndefined();
  });

  it('refuses bad values with a sentence per field in both languages, storing nothing', async () => {
    const e = await u.fail('admin', 'vendors.saveSettings', { vendor: 'sts', settings: stsIn({ baseUrl: 'ftp://x', timeoutMs: 5, retryAttempts: 99, merchantId: '' }) });
    expect(e.code).toBe('BAD_INPUT');
    expect(e.issues).toEqual(['baseUrl', 'merchantId', 'timeoutMs', 'retryAttempts']);
    expect(e.message.en).toMatch(/Address.*Merchant id.*Timeout.*Retries/);
    expect(e.message.ar).toMatch(/العنوان.*رقم التاجر.*المهلة.*المحاولات/);
    // A wrong shape (no such vendor) is refused by the contract, also in both languages.
    const shape = await u.fail('admin', 'vendors.saveSettings', { vendor: 'nope', settings: null });
    expect(shape.code).toBe('BAD_INPUT');
    expect(settingsRow('sts')).toBeUndefined();
  });

  it('seals the key and secret at rest, never returns or audits them', async () => {
    // Saved against the first simulator with a secret it does not know: the test says "refused".
    const view = await u.call('admin', 'vendors.saveSettings', { vendor: 'sts', settings: stsIn({ apiKey: KEY, apiSecret: SECRET }) });
    expect(view).toMatchObject({ source: 'saved', hasKey: true, keyLast4: '9876', hasSecret: true, timeoutMs: 5_000, retryAttempts: 1 });
    expect(JSON.stringify(view)).not.toContain(SECRET);
    const row = settingsRow('sts')!;
    expect(row).toBeDefined();
    for (const plain of [SECRET, KEY]) {
      expect(row.value_json).not.toContain(plain);
      expect(Buffer.from(row.value_json).includes(Buffer.from(plain))).toBe(false);
      expect(row.value_json).not.toContain(Buffer.from(plain).toString('base64'));
      expect(everything()).not.toContain(plain);
    }
    const stored = JSON.parse(row.value_json) as { apiKey: string; apiSecret: string };
    expect(stored.apiSecret).toMatch(/^[A-Za-z0-9+/]+=*$/);
    const audit = h.app.db.read.prepare(`SELECT user_id, details FROM audit_log WHERE action = 'settings.vendor'`).all() as { user_id: number; details: string }[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.details)).toMatchObject({ vendor: 'sts', keyChanged: true, secretChanged: true, after: { source: 'saved', timeoutMs: 5_000 } });
    expect((await u.call('supervisor', 'vendors.settings', {}))[0]).toEqual(view);
  });

  it('test connection: refused by a wrong key/secret, in plain words, with the time it took', async () => {
    const r = await u.call('supervisor', 'vendors.testConnection', { vendor: 'sts' });
    expect(r).toMatchObject({ vendor: 'sts', outcome: 'refused', serverTime: null });
    expect(r.ms).toBeGreaterThanOrEqual(0);
    expect(r.message.en).toMatch(/refused this counter: .*\(BAD_API_KEY\)\. Check the API key/);
    expect(r.message.ar).toMatch(/رفض/);
    expect(JSON.stringify(r)).not.toContain(SECRET);
    // The right key, still a wrong secret: the signature is what is refused.
    await u.call('admin', 'vendors.saveSettings', { vendor: 'sts', settings: stsIn({ apiKey: DEMO_CREDENTIALS.sts.apiKey, apiSecret: SECRET }) });
    expect((await u.call('supervisor', 'vendors.testConnection', { vendor: 'sts' })).message.en).toMatch(/BAD_SIGNATURE/);
    const audits = h.app.db.read.prepare(`SELECT details FROM audit_log WHERE action = 'vendor.test_connection'`).all() as { details: string }[];
    expect(audits.map((a) => JSON.parse(a.details) as { outcome: string })).toEqual([expect.objectContaining({ outcome: 'refused' }), expect.objectContaining({ outcome: 'refused' })]);
  });

  it('saved settings take effect on the next sale: it goes to the second simulator', async () => {
    // Blank key and secret: keep the sealed key, and... the secret saved above is wrong, so give the right one.
    await u.call('admin', 'vendors.saveSettings', { vendor: 'sts', settings: stsIn({ baseUrl: second.stsUrl, apiSecret: DEMO_CREDENTIALS.sts.apiSecret }) });
    const ok = await u.call('supervisor', 'vendors.testConnection', { vendor: 'sts' });
    expect(ok).toMatchObject({ outcome: 'ok' });
    expect(Date.parse(ok.serverTime!)).not.toBeNaN();
    expect(ok.message.en).toMatch(/^Connected: the STS vendor answered in \d+ ms/);
    const sale = await sell();
    expect(sale.status).toBe('issued');
    expect(second.sts.chargesByKey.has(sale.id)).toBe(true);
    expect(h.sims.sts.chargesByKey.has(sale.id)).toBe(false);
    // Forgetting the saved settings puts the environment back, for the next sale too.
    expect(await u.call('admin', 'vendors.saveSettings', { vendor: 'sts', settings: null })).toMatchObject({ source: 'environment', baseUrl: h.sims.stsUrl, updatedAt: null });
    const next = await sell();
    expect(h.sims.sts.chargesByKey.has(next.id)).toBe(true);
    expect(second.sts.chargesByKey.has(next.id)).toBe(false);
  });

  it('test connection: unreachable names the address and says what to check', async () => {
    const closed = await freePort();
    await u.call('admin', 'vendors.saveSettings', { vendor: 'acrel', settings: { baseUrl: `http://127.0.0.1:${closed}`, apiKey: '', apiSecret: '', merchantId: 'SHAHN-DEMO-001', timeoutMs: 2_000, retryAttempts: 0 } });
    const r = await u.call('supervisor', 'vendors.testConnection', { vendor: 'acrel' });
    expect(r).toMatchObject({ vendor: 'acrel', outcome: 'unreachable', serverTime: null });
    expect(r.message.en).toContain(`http://127.0.0.1:${closed}`);
    expect(r.message.en).toMatch(/ECONNREFUSED.*Check the address and the network/);
    expect(r.message.ar).toMatch(/تحقق من العنوان/);
    expect((await u.call('supervisor', 'vendors.testConnection', { vendor: 'headOffice' })).outcome).toBe('ok');
  });

  it('a row sealed under another master key is not used: the environment applies and the till keeps selling', async () => {
    const bogus = JSON.stringify({ baseUrl: 'http://127.0.0.1:1', merchantId: 'X', timeoutMs: 1000, retryAttempts: 0, apiKey: Buffer.alloc(40, 7).toString('base64'), apiSecret: null });
    h.app.db.write.prepare(`INSERT OR REPLACE INTO settings (key, value_json, updated_at) VALUES ('vendors.sts', ?, '2026-01-01T00:00:00.000Z')`).run(bogus);
    expect((await u.call('supervisor', 'vendors.settings', {}))[0]).toMatchObject({ source: 'environment', baseUrl: h.sims.stsUrl });
  });
});

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}
