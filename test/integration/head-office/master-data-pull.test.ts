// Master data flowing from the real head office (PostgreSQL, its HTTP API) into whole counters
// (createApp through the harness, enrolled by SHAHN_MASTER_DATA=head-office): created, changed and
// deleted records arrive and are used (a sale priced with the new schedule version, a pulled user
// logs in with their PIN), small pages, a crash mid-page, a record the counter refuses, the
// counter's sales untouched, another counter's users never received, and edits refused here.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { latestMasterVersion, pullMasterData } from '../../../head-office/db/master-data';
import { createEnrolmentCode } from '../../../head-office/enrolment';
import { eventually } from '../../helpers/harness';
import { applyMasterEdits, type MasterEdit } from '../../../head-office/master-data/edits';
import type { CreateAppOptions } from '../../../main/app/create-app';
import type { NewCounter } from '../../../head-office/counters';
import { cloudMeter, customer, group, schedule, stsKeys, stsMeter } from '../../helpers/master-data-fixtures';
import { RpcFailure, startHarness, type Harness } from '../../helpers/harness';
import { startTestHeadOffice, type TestHeadOffice } from '../../helpers/head-office';
import { usePostgres } from '../../helpers/postgres';

const postgres = usePostgres();
let ho: TestHeadOffice;
const open: Harness[] = [];
beforeAll(async () => {
  ho = await startTestHeadOffice(await postgres.freshDatabase());
}, 60_000);
afterAll(() => ho?.close());
afterEach(async () => {
  await Promise.all(open.splice(0).map((h) => h.close()));
  await ho.pool.query('TRUNCATE master_data');
});

async function counterAt(c: NewCounter, app?: CreateAppOptions): Promise<Harness> {
  const h = await startHarness({
    env: { HEAD_OFFICE_URL: ho.url, HEAD_OFFICE_KEY: c.apiKey, HEAD_OFFICE_SECRET: c.apiSecret, SHAHN_MASTER_DATA: 'head-office', SHAHN_MASTER_DATA_PULL_MS: '3600000' },
    app,
  });
  open.push(h);
  // The pull at start-up ran against an empty head office; the tests drive the rest with "Sync now".
  await h.app.masterData.syncNow();
  return h;
}

const edits = (...e: MasterEdit[]) => applyMasterEdits(ho.pool, e, 'test');
const register = (counterId: number) => edits(
  { entity: 'tariff_schedule', data: schedule() }, { entity: 'tariff_group', data: group() }, { entity: 'customer', data: customer() },
  { entity: 'meter', data: stsMeter() }, { entity: 'meter', data: cloudMeter() },
  { entity: 'user', data: { counterId, username: 'amal', displayName: 'أمل', role: 'cashier', locale: 'ar', active: true, pin: '2580' } },
);
const salesOf = (h: Harness) => h.app.db.read.prepare('SELECT * FROM sales ORDER BY id').all();
const fails = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    if (e instanceof RpcFailure) return e.error;
    throw e;
  }
  throw new Error('expected the call to fail');
};

describe('master data from the head office at an enrolled counter', () => {
  it('arrives created, changed and deleted, and is used: prices, logins, key changes, deactivation', async () => {
    const c1 = await ho.addCounter();
    const c2 = await ho.addCounter();
    const h = await counterAt(c1);
    await h.login('supervisor', '2222');
    // A sale made before the head office sent anything: the pulls must never touch it.
    const before = await h.call('sales.sell', await h.confirmed({ meterNumber: stsMeter().number, amountMinor: 1000, tenderedMinor: 1000, paymentMethod: 'cash' }));
    expect(before.status).toBe('issued');
    const sales = salesOf(h);

    await register(c1.id);
    await edits({ entity: 'user', data: { counterId: c2.id, username: 'omar', displayName: 'عمر', role: 'admin', locale: 'ar', active: true, pin: '3691' } });
    const status = await h.call('masterData.sync', {});
    // The cursor is the last change this counter receives: counter 2's user, written after, is not one of them.
    const mine = await pullMasterData(ho.pool, c1.id, 0, 100);
    expect(mine.map((r) => r.key)).not.toContain(`omar@${c2.id}`);
    expect(status).toMatchObject({ owner: 'head-office', cursor: mine.at(-1)!.version, error: null, running: false });
    expect(status.cursor).toBeLessThan(await latestMasterVersion(ho.pool));

    const meter = await h.call('meters.detail', { meterNumber: stsMeter().number });
    expect(meter).toMatchObject({ scheduleCode: 'HO-RES', customer: { nameAr: 'سالم الحكيمي', nameLatin: 'Salem Alhakimi' } });
    expect((await h.call('meters.detail', { meterNumber: cloudMeter().number })).groupCode).toBe('FEEDER3');
    const quote = await h.call('sales.quote', { meterNumber: stsMeter().number, amountMinor: 1000 });
    expect(quote.tariff).toMatchObject({ pricePerKwh: expect.stringMatching(/^50(\.0+)?$/), scheduleName: { en: 'HO residential' } });

    // Only this counter's users: amal logs in with the PIN the head office was given; omar (counter 2's) never arrives.
    const users = h.app.db.read.prepare('SELECT username, ho_key FROM users WHERE ho_key IS NOT NULL').all();
    expect(users).toEqual([{ username: 'amal', ho_key: `amal@${c1.id}` }]);
    const amal = await h.raw('auth.login', { username: 'amal', pin: '2580' }, null);
    expect(amal.ok).toBe(true);
    const amalToken = (amal as { value: { token: string } }).value.token;

    // A new price is a new version: the next quote uses it.
    await edits({ entity: 'tariff_schedule', data: schedule({ version: 2, effectiveFrom: new Date(Date.now() - 60_000).toISOString(), periods: [{ ...schedule().periods[0]!, pricePerKwh: '80' }] }) });
    // New STS key data goes through the key-change bookkeeping; amal is deactivated; the cloud meter is deleted.
    await edits(
      { entity: 'meter', data: stsMeter({ sts: { ...stsKeys, krn: 2 } }) },
      { entity: 'user', data: { counterId: c1.id, username: 'amal', displayName: 'أمل', role: 'cashier', locale: 'ar', active: false } },
      { entity: 'meter', key: cloudMeter().number, delete: true },
    );
    await h.call('masterData.sync', {});
    expect((await h.call('sales.quote', { meterNumber: stsMeter().number, amountMinor: 1000 })).tariff.pricePerKwh).toMatch(/^80(\.0+)?$/);
    const keyRow = h.app.db.read.prepare('SELECT sts_krn, sts_key_change_from FROM meters WHERE number = ?').get(stsMeter().number) as { sts_krn: number; sts_key_change_from: string };
    expect(keyRow.sts_krn).toBe(2);
    expect(JSON.parse(keyRow.sts_key_change_from)).toMatchObject({ krn: 1, sgc: stsKeys.sgc });
    expect((await h.raw('auth.me', {}, amalToken)).ok).toBe(false);
    expect((await h.raw('auth.login', { username: 'amal', pin: '2580' }, null)).ok).toBe(false);
    expect(h.app.db.read.prepare('SELECT COUNT(*) AS n FROM meters WHERE number = ?').get(cloudMeter().number)).toEqual({ n: 0 });

    // The STS meter has a sale: deleted at the head office, it is deactivated here, its sale kept.
    await edits({ entity: 'meter', key: stsMeter().number, delete: true });
    await h.call('masterData.sync', {});
    expect(h.app.db.read.prepare('SELECT active FROM meters WHERE number = ?').get(stsMeter().number)).toEqual({ active: 0 });
    expect(salesOf(h)).toEqual(sales);
    // The setup's own admin is untouched and still signs in.
    expect((await h.raw('auth.login', { username: 'admin', pin: '9999' }, null)).ok).toBe(true);
  });

  it('pages through small pages, and a crash mid-page leaves the previous cursor with nothing half-applied', async () => {
    const c = await ho.addCounter();
    let crashAt: string | null = null;
    const h = await counterAt(c, { masterData: { pageSize: 2, apply: { afterRecord: (r) => { if (r.key === crashAt) throw new Error('power cut'); } } } });
    await register(c.id);
    const latest = await latestMasterVersion(ho.pool);
    // Records 3 and 4 (customer, meter) are the second page: crash after the customer is written.
    crashAt = 'C-1001';
    await h.app.masterData.syncNow();
    const afterCrash = h.app.masterData.status();
    expect(afterCrash.error).toMatchObject({ entity: 'counter' });
    expect(afterCrash.cursor).toBeGreaterThan(0);
    expect(afterCrash.cursor).toBeLessThan(latest);
    // Page 1 (schedule, group) is in; page 2's customer is not, though it was written before the crash.
    expect(h.app.db.read.prepare(`SELECT COUNT(*) AS n FROM tariff_groups WHERE code = 'FEEDER3'`).get()).toEqual({ n: 1 });
    expect(h.app.db.read.prepare('SELECT COUNT(*) AS n FROM customers WHERE ho_key IS NOT NULL').get()).toEqual({ n: 0 });
    crashAt = null;
    const done = await h.app.masterData.syncNow();
    expect(done).toMatchObject({ cursor: latest, error: null });
    expect(h.app.db.read.prepare('SELECT COUNT(*) AS n FROM customers WHERE ho_key IS NOT NULL').get()).toEqual({ n: 1 });
    // Applying the same records again changes nothing.
    h.app.db.write.prepare('UPDATE master_data_sync SET cursor = 0').run();
    const tables = () => ['customers', 'meters', 'tariff_schedules', 'tariff_groups', 'users'].map((t) => h.app.db.read.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all());
    const once = JSON.stringify(tables());
    expect(await h.app.masterData.syncNow()).toMatchObject({ cursor: latest, error: null });
    // Only the customers' edit time moves (the same data written again).
    const edited = /"updated_at":(null|"[^"]*")/g;
    expect(JSON.stringify(tables()).replace(edited, '')).toBe(once.replace(edited, ''));
  });

  it('sets aside a record it refuses (a local username), says why in both languages, and applies the rest and every later page', async () => {
    const c = await ho.addCounter();
    const h = await counterAt(c);
    // "admin" was made at this counter (its setup's admin): the head office's "admin" cannot take the
    // name over. Before, this stopped every later change for good.
    await edits(
      { entity: 'tariff_schedule', data: schedule() },
      { entity: 'user', data: { counterId: c.id, username: 'admin', displayName: 'Admin HO', role: 'admin', locale: 'ar', active: true, pin: '4826' } },
      { entity: 'customer', data: customer() },
      { entity: 'meter', data: stsMeter() },
    );
    const first = await h.app.masterData.syncNow();
    expect(first).toMatchObject({ error: null, cursor: await latestMasterVersion(ho.pool) });
    expect(first.heldBack).toEqual([{ entity: 'user', key: `admin@${c.id}`, version: expect.any(Number), heldAt: expect.any(String),
      message: { en: expect.stringContaining('"admin" was made at this counter'), ar: expect.stringContaining('admin') } }]);
    // Everything else of the page is in; the local admin is untouched and still signs in.
    await h.login('supervisor', '2222');
    expect((await h.call('meters.detail', { meterNumber: stsMeter().number })).customer?.nameAr).toBe('سالم الحكيمي');
    expect((await h.raw('auth.login', { username: 'admin', pin: '9999' }, null)).ok).toBe(true);
    expect((await h.raw('auth.login', { username: 'admin', pin: '4826' }, null)).ok).toBe(false);
    // The audit chain says what was set aside.
    const audit = h.app.db.read.prepare(`SELECT details FROM audit_log WHERE action = 'master_data.pull' ORDER BY id DESC LIMIT 1`).get() as { details: string };
    expect(JSON.parse(audit.details).held).toEqual([expect.objectContaining({ entity: 'user', key: `admin@${c.id}` })]);

    // Later pages still apply: a new price and a meter deactivation.
    await edits(
      { entity: 'tariff_schedule', data: schedule({ version: 2, effectiveFrom: new Date(Date.now() - 60_000).toISOString(), periods: [{ ...schedule().periods[0]!, pricePerKwh: '80' }] }) },
      { entity: 'meter', data: stsMeter({ active: false }) },
    );
    const later = await h.app.masterData.syncNow();
    expect(later).toMatchObject({ error: null, cursor: await latestMasterVersion(ho.pool) });
    expect(later.heldBack.map((x) => x.key)).toEqual([`admin@${c.id}`]);
    expect(h.app.db.read.prepare(`SELECT MAX(version) AS v FROM tariff_schedules WHERE code = 'HO-RES'`).get()).toEqual({ v: 2 });
    expect(h.app.db.read.prepare('SELECT active FROM meters WHERE number = ?').get(stsMeter().number)).toEqual({ active: 0 });

    // Held records are tried again on each pull: once the clash is gone (here, the local user renamed
    // in the database), the record applies with no new version from the head office.
    h.app.db.write.prepare(`UPDATE users SET username = 'admin-local' WHERE username = 'admin'`).run();
    const cleared = await h.app.masterData.syncNow();
    expect(cleared.heldBack).toEqual([]);
    expect((await h.raw('auth.login', { username: 'admin', pin: '4826' }, null)).ok).toBe(true);
    expect((await h.raw('auth.login', { username: 'admin-local', pin: '9999' }, null)).ok).toBe(true);
  });

  it('a record held back is replaced by its next version: fixed at the head office, it leaves the list', async () => {
    const c = await ho.addCounter();
    const h = await counterAt(c);
    await edits({ entity: 'user', data: { counterId: c.id, username: 'cashier', displayName: 'Cashier HO', role: 'cashier', locale: 'ar', active: true, pin: '4826' } });
    expect((await h.app.masterData.syncNow()).heldBack.map((x) => x.key)).toEqual([`cashier@${c.id}`]);
    expect((await h.raw('auth.login', { username: 'cashier', pin: '1111' }, null)).ok).toBe(true);
    // Fixed at the head office: the bad record is deleted (its tombstone replaces the held one) and another name used.
    await edits({ entity: 'user', key: `cashier@${c.id}`, delete: true });
    await edits({ entity: 'user', data: { counterId: c.id, username: 'cashier2', displayName: 'Cashier HO', role: 'cashier', locale: 'ar', active: true, pin: '4826' } });
    const moving = await h.app.masterData.syncNow();
    expect(moving).toMatchObject({ error: null, heldBack: [], cursor: await latestMasterVersion(ho.pool) });
    expect((await h.raw('auth.login', { username: 'cashier2', pin: '4826' }, null)).ok).toBe(true);
  });

  it('refuses edits of head-office data on an enrolled counter, in both languages; selling and the rest stay open', async () => {
    const c = await ho.addCounter();
    const h = await counterAt(c);
    await h.login('admin', '9999');
    const refusals = await Promise.all([
      fails(h.call('meters.create', { number: '04000001034', kind: 'sts', customerId: null, scheduleCode: 'RES-TOU', sts: stsKeys })),
      fails(h.call('meters.update', { number: stsMeter().number, active: false })),
      fails(h.call('meters.setLimits', { meterNumber: stsMeter().number, minPurchaseMinor: null, maxPurchaseMinor: null })),
      fails(h.call('customers.create', { nameAr: 'اسم', nameLatin: null, phone: null, address: null })),
      fails(h.call('tariffs.saveGroup', { code: 'G1', name: { ar: 'م', en: 'G' }, scheduleCode: 'RES-TOU' })),
      fails(h.call('users.create', { username: 'newbie', displayName: 'New', role: 'cashier', locale: 'ar', pin: '4826' })),
    ]);
    for (const e of refusals) {
      expect(e.code).toBe('FORBIDDEN');
      expect(e.message.ar).toContain('المكتب الرئيسي يدير هذه البيانات');
      expect(e.message.en).toContain('The head office manages this data');
    }
    expect(await h.call('masterData.status', {})).toMatchObject({ owner: 'head-office' });
    const sale = await h.call('sales.sell', await h.confirmed({ meterNumber: stsMeter().number, amountMinor: 1000, tenderedMinor: 1000, paymentMethod: 'cash' }));
    expect(sale.status).toBe('issued');
    expect((await h.call('meters.adjustDebt', { meterNumber: stsMeter().number, deltaMinor: 100, reason: 'arrears from paper records' })).debtMinor).toBe(100);
  });

  it('a counter owns its data until it enrols with a code; from then the head office does, and its data arrives at once', async () => {
    const h = await startHarness({ env: { SHAHN_MASTER_DATA_PULL_MS: '3600000' } });
    open.push(h);
    await h.login('admin', '9999');
    expect(await h.call('masterData.status', {})).toMatchObject({ owner: 'counter', cursor: 0 });
    // The plain counter edits its own data, as before.
    expect((await h.call('customers.create', { nameAr: 'مشترك محلي' })).nameAr).toBe('مشترك محلي');
    await edits({ entity: 'tariff_schedule', data: schedule() }, { entity: 'customer', data: customer() }, { entity: 'meter', data: stsMeter() });
    const latest = await latestMasterVersion(ho.pool);
    const { code } = await createEnrolmentCode(ho.pool, { counterName: 'Counter E', createdBy: 'test' });
    await h.call('vendors.enrolHeadOffice', { baseUrl: ho.url, code });
    // Enrolment starts the pull itself.
    await eventually(() => h.app.masterData.status().cursor === latest, 10_000, 'the first pull after enrolment');
    expect(await h.call('masterData.status', {})).toMatchObject({ owner: 'head-office', error: null });
    expect((await h.call('meters.detail', { meterNumber: stsMeter().number })).customer?.nameAr).toBe('سالم الحكيمي');
    expect((await fails(h.call('customers.create', { nameAr: 'آخر' }))).code).toBe('FORBIDDEN');
  });
});
