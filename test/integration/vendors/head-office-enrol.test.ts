// "Enrol with a code" on a whole counter (createApp through the harness) against the real head
// office on PostgreSQL: an admin's enrolment saves the received key and secret as the head office
// settings (sealed, audited without them), the next sale is delivered into the ledger once, the
// head office records the counter's version from its user agent; a spent code, a wrong address and
// anyone but an admin are refused in both languages, changing nothing.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnrolmentCode } from '../../../head-office/enrolment';
import { eventually, startHarness, type Harness } from '../../helpers/harness';
import { startTestHeadOffice, type TestHeadOffice } from '../../helpers/head-office';
import { usePostgres } from '../../helpers/postgres';
import { DEMO_STS_METERS } from '../../sim/demo-data';
import { users, type Users } from '../day/helpers';
import { appVersion } from '../../../main/app/app-root';

const postgres = usePostgres();
let ho: TestHeadOffice;
let h: Harness;
let u: Users;
beforeAll(async () => {
  ho = await startTestHeadOffice(await postgres.freshDatabase());
  h = await startHarness({ env: { SHAHN_COUNTER_NAME: 'Till by the door' } });
  u = await users(h);
});
afterAll(async () => {
  await h?.close();
  await ho?.close();
});

const issue = (counterName = 'Counter 7') => createEnrolmentCode(ho.pool, { counterName, createdBy: 'test' });
const everything = () => JSON.stringify(h.app.db.read.prepare('SELECT * FROM settings').all()) + JSON.stringify(h.app.db.read.prepare('SELECT * FROM audit_log').all());

describe('enrolling a counter with a one-time code', () => {
  it('is for an admin only, and refuses a bad address or code shape in both languages', async () => {
    const { code } = await issue('Not enrolled');
    for (const who of ['cashier', 'supervisor'] as const) expect((await u.fail(who, 'vendors.enrolHeadOffice', { baseUrl: ho.url, code })).code).toBe('FORBIDDEN');
    const bad = await u.fail('admin', 'vendors.enrolHeadOffice', { baseUrl: 'ftp://x', code: '!!' });
    expect(bad).toMatchObject({ code: 'BAD_INPUT', issues: ['baseUrl', 'code'] });
    expect(bad.message.ar).toMatch(/العنوان/);
    // Nothing was spent: the code still works later.
    expect((await ho.pool.query('SELECT used_at FROM enrolment_codes WHERE counter_name = $1', ['Not enrolled'])).rows).toEqual([{ used_at: null }]);
  });

  it('says the head office cannot be reached, and that the code was not used, when nothing listens there', async () => {
    const { code } = await issue('Unreachable');
    const port = await new Promise<number>((r) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => r(p));
      });
    });
    const e = await u.fail('admin', 'vendors.enrolHeadOffice', { baseUrl: `http://127.0.0.1:${port}`, code });
    expect(e.code).toBe('VENDOR_UNREACHABLE');
    expect(e.message.en).toMatch(/The code was not used/);
    expect(e.message.ar).toMatch(/لم يُستخدم الرمز/);
  });

  it('saves the received key and secret as the head office settings, and the next sale lands in PostgreSQL once', async () => {
    const { code } = await issue('Counter 7');
    const view = await u.call('admin', 'vendors.enrolHeadOffice', { baseUrl: `${ho.url}/`, code: code.toLowerCase().replaceAll('-', ' ') });
    const counter = (await ho.pool.query('SELECT id, api_key, name, enrolled_as, app_version FROM counters WHERE name = $1', ['Counter 7'])).rows[0];
    expect(counter).toMatchObject({ name: 'Counter 7', enrolled_as: 'Till by the door', app_version: appVersion() });
    expect(view).toMatchObject({ vendor: 'headOffice', source: 'saved', baseUrl: ho.url, hasKey: true, hasSecret: true, keyLast4: counter.api_key.slice(-4) });

    // Sealed at rest and audited as a settings save, never in the clear.
    expect(everything()).not.toContain(counter.api_key);
    const audit = h.app.db.read.prepare(`SELECT details FROM audit_log WHERE action = 'settings.vendor' ORDER BY id DESC LIMIT 1`).get() as { details: string };
    expect(JSON.parse(audit.details)).toMatchObject({ vendor: 'headOffice', keyChanged: true, secretChanged: true, after: { source: 'saved', baseUrl: ho.url } });

    const sale = await u.call('cashier', 'sales.sell', await u.confirmed('cashier', { meterNumber: DEMO_STS_METERS[0]!.number, amountMinor: 1000, tenderedMinor: 1000, paymentMethod: 'cash' }));
    const outboxState = () => (h.app.db.read.prepare(`SELECT status FROM outbox WHERE topic = 'headoffice.sale' AND sale_id = ?`).get(sale.id) as { status: string } | undefined)?.status;
    await eventually(() => outboxState() === 'done', 10_000, 'the outbox to deliver the sale to the enrolled head office');
    expect((await ho.pool.query('SELECT counter_id, delivery_count FROM sales WHERE sale_id = $1', [sale.id])).rows).toEqual([{ counter_id: counter.id, delivery_count: 1 }]);
    // The simulator the harness started as the environment's head office never heard of it.
    expect(h.sims.headOffice.receivedCount(sale.id)).toBe(0);
    // Signed requests carry the counter's version: the head office keeps it current.
    expect((await ho.pool.query('SELECT app_version, last_seen_at FROM counters WHERE id = $1', [counter.id])).rows[0]).toEqual({ app_version: appVersion(), last_seen_at: expect.any(Date) });

    // The same code again: the head office's refusal, in its words, and the settings stay.
    const again = await u.fail('admin', 'vendors.enrolHeadOffice', { baseUrl: ho.url, code });
    expect(again).toMatchObject({ code: 'VENDOR_REFUSED', message: { en: expect.stringMatching(/wrong, already used or expired/), ar: expect.stringMatching(/رمز التسجيل/) } });
    expect((await u.call('admin', 'vendors.settings', {})).find((v) => v.vendor === 'headOffice')?.keyLast4).toBe(counter.api_key.slice(-4));
  });
});
