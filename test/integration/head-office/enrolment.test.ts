// Enrolment with a one-time code against the real service on PostgreSQL: a code makes one counter
// and only one (two counters racing with it: exactly one wins), a wrong, used or expired code gets
// the same refusal, the enrolled counter's signed pushes land in the ledger through the counter's
// own client, a revoked one is refused, and the head office records when it last heard from it,
// the version it runs and the counts it reports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnrolmentCode, normaliseCode } from '../../../head-office/enrolment';
import { revokeCounterByApiKey } from '../../../head-office/db/counters';
import { createHeadOfficeClient } from '../../../main/vendors/head-office/client';
import { enrolWithHeadOffice } from '../../../main/vendors/head-office/enrol';
import { signedHeaders } from '../../../main/vendors/signing';
import { startTestHeadOffice, type TestHeadOffice } from '../../helpers/head-office';
import { usePostgres } from '../../helpers/postgres';
import { sale } from './sales-fixture';

const postgres = usePostgres();
let ho: TestHeadOffice;
beforeAll(async () => {
  ho = await startTestHeadOffice(await postgres.freshDatabase());
});
afterAll(() => ho?.close());

const UA = 'Shahn-POS/0.9.3';
const enrol = (code: string, counterName = 'Till by the door') => enrolWithHeadOffice(ho.url, { code, counterName, appVersion: '0.9.3' }, { userAgent: UA, retryAttempts: 0 });
const issue = (counterName: string, validHours?: number) => createEnrolmentCode(ho.pool, { counterName, createdBy: 'test', validHours });

const SAME_REFUSAL = {
  kind: 'refused',
  code: 'BAD_ENROLMENT_CODE',
  message: {
    en: 'This enrolment code is not valid: it is wrong, already used or expired. Ask the head office for a new one',
    ar: 'رمز التسجيل هذا غير صالح: إما خاطئ أو مستخدم من قبل أو منتهي الصلاحية. اطلب رمزًا جديدًا من المكتب الرئيسي',
  },
};

describe('enrolment with a one-time code', () => {
  it('gives the counter its own key and secret once, keeps only the code\'s hash, and its signed push lands in the ledger', async () => {
    const issued = await issue('Counter 7');
    expect(issued.code).toMatch(/^[A-HJKMNP-TW-Z2-9]{4}(-[A-HJKMNP-TW-Z2-9]{4}){3}$/);
    expect(issued.expiresAt.getTime() - Date.now()).toBeGreaterThan(23.9 * 3_600_000);
    // The code is stored as its hash only.
    const stored = await ho.pool.query(`SELECT encode(code_hash, 'hex') AS h, counter_name, created_by, used_at FROM enrolment_codes`);
    expect(JSON.stringify(stored.rows)).not.toContain(normaliseCode(issued.code));
    expect(stored.rows).toEqual([{ h: expect.stringMatching(/^[0-9a-f]{64}$/), counter_name: 'Counter 7', created_by: 'test', used_at: null }]);

    // Typed in lower case with spaces, as a cashier may.
    const o = await enrol(issued.code.toLowerCase().replaceAll('-', ' '));
    expect(o.kind).toBe('ok');
    if (o.kind !== 'ok') return;
    expect(Math.abs(Date.parse(o.value.headOfficeTime) - Date.now())).toBeLessThan(60_000);
    const row = (await ho.pool.query('SELECT id, name, enrolled_as, app_version, enrolled_at, last_seen_at, secret_sealed FROM counters WHERE api_key = $1', [o.value.counterKey])).rows[0];
    expect(row).toMatchObject({ name: 'Counter 7', enrolled_as: 'Till by the door', app_version: '0.9.3', enrolled_at: expect.any(Date) });
    expect(row.secret_sealed).not.toContain(o.value.counterSecret);
    expect((await ho.pool.query('SELECT counter_id, used_at FROM enrolment_codes')).rows).toEqual([{ counter_id: row.id, used_at: expect.any(Date) }]);

    const client = createHeadOfficeClient({ baseUrl: ho.url, apiKey: o.value.counterKey, apiSecret: o.value.counterSecret, merchantId: null, timeoutMs: 10_000, retryAttempts: 0 });
    const s = sale();
    expect(await client.pushSales([s])).toEqual({ kind: 'ok', value: { accepted: [s.id], rejected: [] } });
    expect((await ho.pool.query('SELECT counter_id, delivery_count FROM sales WHERE sale_id = $1', [s.id])).rows).toEqual([{ counter_id: row.id, delivery_count: 1 }]);

    // Used once: the second time is refused like any wrong code.
    expect(await enrol(issued.code)).toEqual(SAME_REFUSAL);
  });

  it('lets exactly one of two counters racing with the same code enrol', async () => {
    for (let round = 0; round < 5; round++) {
      const issued = await issue(`Race ${round}`);
      const results = await Promise.all([enrol(issued.code, 'A'), enrol(issued.code, 'B'), enrol(issued.code, 'C')]);
      expect(results.filter((r) => r.kind === 'ok')).toHaveLength(1);
      expect(results.filter((r) => r.kind !== 'ok')).toEqual([SAME_REFUSAL, SAME_REFUSAL]);
      expect((await ho.pool.query('SELECT count(*)::int AS n FROM counters WHERE name = $1', [`Race ${round}`])).rows[0]).toEqual({ n: 1 });
    }
  });

  it('refuses a wrong code and an expired code with the same answer as a used one, creating nothing', async () => {
    const before = (await ho.pool.query('SELECT count(*)::int AS n FROM counters')).rows[0].n as number;
    expect(await enrol('ABCD-EFGH-JKMN-PQRS')).toEqual(SAME_REFUSAL);
    const expired = await issue('Counter expired', 1);
    await ho.pool.query(`UPDATE enrolment_codes SET created_at = now() - interval '2 hours', expires_at = now() - interval '1 second' WHERE counter_name = 'Counter expired'`);
    expect(await enrol(expired.code)).toEqual(SAME_REFUSAL);
    expect((await ho.pool.query('SELECT count(*)::int AS n FROM counters')).rows[0].n).toBe(before);
    expect((await ho.pool.query(`SELECT used_at FROM enrolment_codes WHERE counter_name = 'Counter expired'`)).rows).toEqual([{ used_at: null }]);
  });

  it('refuses a bad body with the protocol error body', async () => {
    const res = await fetch(`${ho.url}/api/v1/enrol`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: 'X' }) });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ error: { code: 'BAD_REQUEST', message: { en: expect.stringContaining('counterName'), ar: expect.any(String) } } });
  });

  it('refuses the counter once revoked, and records last seen, app version and its counts while it is not', async () => {
    const issued = await issue('Counter 9');
    const o = await enrol(issued.code);
    if (o.kind !== 'ok') throw new Error(`enrolment failed: ${JSON.stringify(o)}`);
    await ho.pool.query('UPDATE counters SET last_seen_at = NULL, app_version = NULL WHERE api_key = $1', [o.value.counterKey]);
    const cfg = { baseUrl: ho.url, apiKey: o.value.counterKey, apiSecret: o.value.counterSecret, merchantId: null, timeoutMs: 10_000, retryAttempts: 0 };
    const client = createHeadOfficeClient(cfg, { userAgent: 'Shahn-POS/1.2.0' });
    expect(await client.ping()).toMatchObject({ kind: 'ok' });
    const seen = (await ho.pool.query('SELECT last_seen_at, app_version FROM counters WHERE api_key = $1', [o.value.counterKey])).rows[0];
    expect(seen).toEqual({ last_seen_at: expect.any(Date), app_version: '1.2.0' });

    // Counts travel with a push (signed with it).
    const s = sale();
    const push = await fetchSigned(cfg, { sales: [s], counts: { pendingSales: 3, unknownSales: 1 } });
    expect(push.status).toBe(200);
    expect((await ho.pool.query('SELECT pending_sales, unknown_sales FROM counters WHERE api_key = $1', [o.value.counterKey])).rows[0]).toEqual({ pending_sales: 3, unknown_sales: 1 });

    expect((await revokeCounterByApiKey(ho.pool, o.value.counterKey))?.revokedAt).toBeInstanceOf(Date);
    expect(await client.pushSales([sale()])).toMatchObject({ kind: 'refused', code: 'COUNTER_REVOKED' });
    expect(await client.ping()).toMatchObject({ kind: 'refused', code: 'COUNTER_REVOKED' });
    expect(await revokeCounterByApiKey(ho.pool, 'ctr-no-such-counter')).toBeUndefined();
  });

  it('limits enrolment attempts per address', async () => {
    const limited = await startTestHeadOffice(await postgres.freshDatabase(), { enrolLimit: { max: 3, windowMs: 60_000 } });
    try {
      const send = () => fetch(`${limited.url}/api/v1/enrol`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: 'ABCD-EFGH-JKMN-PQRS', counterName: 'x', appVersion: '1' }) });
      expect([(await send()).status, (await send()).status, (await send()).status]).toEqual([403, 403, 403]);
      const fourth = await send();
      expect(fourth.status).toBe(429);
      expect(Number(fourth.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await fourth.json()).toMatchObject({ error: { code: 'TOO_MANY_ATTEMPTS', message: { ar: expect.any(String) } } });
      // Even the right code waits: the limit is on attempts, not on failures.
      const issued = await createEnrolmentCode(limited.pool, { counterName: 'Late', createdBy: 'test' });
      expect(await enrolWithHeadOffice(limited.url, { code: issued.code, counterName: 'x', appVersion: '1' }, { userAgent: UA })).toMatchObject({ kind: 'unknown', reason: 'http 429' });
    } finally {
      await limited.close();
    }
  });
});

async function fetchSigned(cfg: { apiKey: string; apiSecret: string }, body: unknown) {
  const raw = JSON.stringify(body);
  const headers = signedHeaders({ ...cfg, merchantId: null }, { method: 'POST', path: '/api/v1/sales', body: raw }, Date.now());
  return fetch(`${ho.url}/api/v1/sales`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: raw });
}
