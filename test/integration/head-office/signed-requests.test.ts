// Who may speak to the head office: only a registered, unrevoked counter whose request is signed
// with its secret within 5 minutes of the server clock. The counter's own client
// (main/vendors/head-office/client.ts) and hand-made requests, against the real service.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revokeCounter } from '../../../head-office/db/counters';
import type { NewCounter } from '../../../head-office/counters';
import { createHeadOfficeClient } from '../../../main/vendors/head-office/client';
import { signedHeaders } from '../../../main/vendors/signing';
import { startTestHeadOffice, type TestHeadOffice } from '../../helpers/head-office';
import { usePostgres } from '../../helpers/postgres';
import { sale } from './sales-fixture';

const postgres = usePostgres();
let ho: TestHeadOffice;
let counter: NewCounter;
beforeAll(async () => {
  ho = await startTestHeadOffice(await postgres.freshDatabase());
  counter = await ho.addCounter('Counter 1');
});
afterAll(() => ho?.close());

/** A request signed as `creds` at `at` (Unix ms), sent as is. */
async function send(creds: { apiKey: string; apiSecret: string }, method: 'GET' | 'POST', path: string, body: unknown, at = Date.now()) {
  const raw = body === undefined ? '' : JSON.stringify(body);
  const headers = signedHeaders({ ...creds, merchantId: null }, { method, path, body: raw }, at);
  const res = await fetch(`${ho.url}${path}`, { method, headers: { ...headers, ...(raw ? { 'content-type': 'application/json' } : {}) }, body: raw || undefined });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const salesCount = async () => (await ho.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM sales')).rows[0]!.n;

describe('signed requests to the head office', () => {
  it('answers a good signature: ping through the counter client, and records when it was seen', async () => {
    const o = await createHeadOfficeClient(ho.endpoint(counter)).ping();
    expect(o.kind).toBe('ok');
    if (o.kind === 'ok') expect(Math.abs(Date.parse(o.value.serverTime) - Date.now())).toBeLessThan(60_000);
    const seen = await ho.pool.query('SELECT last_seen_at FROM counters WHERE id = $1', [counter.id]);
    expect(seen.rows[0].last_seen_at).toBeInstanceOf(Date);
  });

  it('refuses a wrong secret, an unknown key, missing headers and a tampered body, storing nothing', async () => {
    const before = await salesCount();
    expect(await createHeadOfficeClient(ho.endpoint(counter, { apiSecret: 'not-the-secret' })).pushSales([sale()])).toMatchObject({ kind: 'refused', code: 'BAD_SIGNATURE' });
    expect(await createHeadOfficeClient(ho.endpoint({ ...counter, apiKey: 'ctr-nobody-at-all' })).pushSales([sale()])).toMatchObject({ kind: 'refused', code: 'BAD_API_KEY' });
    const bare = await fetch(`${ho.url}/api/v1/ping`);
    expect(bare.status).toBe(401);
    expect(await bare.json()).toEqual({ error: { code: 'MISSING_AUTH', message: { en: 'Authentication headers are missing', ar: 'ترويسات المصادقة مفقودة' } } });

    // Signed for one body, sent with another: the signature covers the exact bytes.
    const signedBody = JSON.stringify({ sales: [sale({ chargedMinor: 100 })] });
    const sentBody = JSON.stringify({ sales: [sale({ chargedMinor: 100_000 })] });
    const headers = signedHeaders({ ...counter, merchantId: null }, { method: 'POST', path: '/api/v1/sales', body: signedBody });
    const tampered = await fetch(`${ho.url}/api/v1/sales`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: sentBody });
    expect(tampered.status).toBe(401);
    expect(((await tampered.json()) as { error: { code: string } }).error.code).toBe('BAD_SIGNATURE');
    expect(await salesCount()).toBe(before);
  });

  it('refuses a request signed more than 5 minutes from its clock, either way', async () => {
    const before = await salesCount();
    const stale = await send(counter, 'POST', '/api/v1/sales', { sales: [sale()] }, Date.now() - 5 * 60_000 - 5_000);
    expect(stale).toMatchObject({ status: 401, body: { error: { code: 'STALE_TIMESTAMP' } } });
    const ahead = await send(counter, 'GET', '/api/v1/ping', undefined, Date.now() + 5 * 60_000 + 5_000);
    expect(ahead).toMatchObject({ status: 401, body: { error: { code: 'STALE_TIMESTAMP' } } });
    expect(await send(counter, 'GET', '/api/v1/ping', undefined, Date.now() - 4 * 60_000)).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(await salesCount()).toBe(before);
  });

  it('refuses a revoked counter with the protocol error body, and only once its signature holds', async () => {
    const other = await ho.addCounter('Counter to revoke');
    const client = createHeadOfficeClient(ho.endpoint(other));
    const s = sale();
    expect(await client.pushSales([s])).toEqual({ kind: 'ok', value: { accepted: [s.id], rejected: [] } });
    await revokeCounter(ho.pool, other.id);
    const refused = await client.pushSales([sale()]);
    expect(refused).toMatchObject({ kind: 'refused', code: 'COUNTER_REVOKED' });
    if (refused.kind === 'refused') expect(refused.message.ar).toMatch(/المكتب الرئيسي/);
    expect(await client.ping()).toMatchObject({ kind: 'refused', code: 'COUNTER_REVOKED' });
    // A stranger holding only the revoked key learns nothing more than "bad signature".
    expect(await createHeadOfficeClient(ho.endpoint(other, { apiSecret: 'guess' })).ping()).toMatchObject({ kind: 'refused', code: 'BAD_SIGNATURE' });
    // What it sent before revocation stays in the ledger.
    expect((await ho.pool.query('SELECT count(*)::int AS n FROM sales WHERE counter_id = $1', [other.id])).rows[0]).toEqual({ n: 1 });
  });

  it('answers the protocol error body for a bad envelope, bad JSON and an unknown endpoint', async () => {
    expect(await send(counter, 'POST', '/api/v1/sales', { sales: [] })).toMatchObject({ status: 422, body: { error: { code: 'BAD_REQUEST' } } });
    expect(await send(counter, 'POST', '/api/v1/sales', { sales: Array.from({ length: 501 }, () => ({})) })).toMatchObject({ status: 422, body: { error: { code: 'BAD_REQUEST' } } });
    expect(await send(counter, 'GET', '/api/v1/nothing-here', undefined)).toMatchObject({ status: 404, body: { error: { code: 'NO_SUCH_ENDPOINT' } } });
    const raw = '{"sales": [';
    const headers = signedHeaders({ ...counter, merchantId: null }, { method: 'POST', path: '/api/v1/sales', body: raw });
    const res = await fetch(`${ho.url}/api/v1/sales`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: raw });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('BAD_JSON');
  });

  it('keeps counter secrets sealed in the database', async () => {
    const r = await ho.pool.query<{ secret_sealed: string }>('SELECT secret_sealed FROM counters WHERE id = $1', [counter.id]);
    expect(r.rows[0]!.secret_sealed).not.toContain(counter.apiSecret);
    expect(Buffer.from(r.rows[0]!.secret_sealed, 'base64').toString('latin1')).not.toContain(counter.apiSecret);
  });
});
