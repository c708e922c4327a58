// The head office as its own process (npm run head-office's entry point), as a utility runs it:
// killed with SIGKILL in the middle of ingest it loses nothing it acknowledged (the answer is sent
// only after the batch's statement committed), restarted on the same database it carries on; a
// SIGTERM lets requests under way finish and exits cleanly; a bad variable stops it at start.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import readline from 'node:readline';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { registerCounter, type NewCounter } from '../../../head-office/counters';
import { migrate } from '../../../head-office/db/migrate';
import { createHeadOfficeClient } from '../../../main/vendors/head-office/client';
import type { VendorOutcome } from '../../../main/vendors/outcome';
import type { PushSalesResult } from '../../../main/vendors/head-office/wire';
import type { Sale } from '../../../preload/contract';
import { signedHeaders } from '../../../main/vendors/signing';
import { usePostgres } from '../../helpers/postgres';
import { sale } from './sales-fixture';

const MAIN = path.join(__dirname, '..', '..', '..', 'head-office', 'main.ts');
const postgres = usePostgres();

interface Service {
  child: ChildProcess;
  url: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}
const running: ChildProcess[] = [];
afterEach(() => {
  for (const c of running.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

/** Starts the service on `env`; resolves once it logs that it listens (its URL), rejects if it exits first. */
function startService(env: Record<string, string>): Promise<Service> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { ...process.env, HEAD_OFFICE_PORT: '0', HEAD_OFFICE_LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.once('exit', (code, signal) => r({ code, signal })));
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      try {
        const j = JSON.parse(line) as { msg?: string; url?: string };
        if (j.msg === 'head office listening' && j.url) resolve({ child, url: j.url, exited });
      } catch {
        // not a log line
      }
    });
    void exited.then((e) => reject(new Error(`head office exited (${e.signal ?? e.code}) before listening: ${stderr}`)));
  });
}

let databaseUrl: string;
let pool: pg.Pool;
const sealingKey = randomBytes(32);
let env: Record<string, string>;
beforeAll(async () => {
  databaseUrl = await postgres.freshDatabase();
  pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  await migrate(pool);
  env = { DATABASE_URL: databaseUrl, HEAD_OFFICE_SEALING_KEY: sealingKey.toString('base64') };
});
afterAll(() => pool?.end());

const endpoint = (url: string, c: NewCounter) => ({ baseUrl: url, apiKey: c.apiKey, apiSecret: c.apiSecret, merchantId: null, timeoutMs: 10_000, retryAttempts: 0 });

async function listAll(url: string, c: NewCounter): Promise<{ sale: Sale; receivedCount: number }[]> {
  const out: { sale: Sale; receivedCount: number }[] = [];
  let after: string | null = null;
  for (;;) {
    const p: string = `/api/v1/sales${after ? `?after=${after}` : ''}`;
    const res = await fetch(`${url}${p}`, { headers: signedHeaders({ ...c, merchantId: null }, { method: 'GET', path: p, body: '' }) });
    expect(res.status).toBe(200);
    const page = (await res.json()) as { sales: { sale: Sale; receivedCount: number }[]; next: string | null };
    out.push(...page.sales);
    if (!page.next) return out;
    after = page.next;
  }
}

describe('the head-office service process', () => {
  it('loses nothing it acknowledged when killed with SIGKILL mid-ingest, and carries on after a restart', async () => {
    const counters: NewCounter[] = [];
    for (const i of [1, 2, 3, 4]) counters.push(await registerCounter(pool, sealingKey, `Killed counter ${i}`));
    const first = await startService(env);

    const acknowledged = new Map<string, Sale>();
    const unanswered: { counter: NewCounter; batch: Sale[] }[] = [];
    let killed = false;
    const KILL_AFTER = 1_500;
    // Each counter pushes batches of 50 new sales back to back; the plug is pulled once enough
    // are acknowledged, while the others' batches are under way.
    const pushLoop = async (c: NewCounter, n: number) => {
      const client = createHeadOfficeClient(endpoint(first.url, c));
      for (let b = 0; ; b++) {
        const batch = Array.from({ length: 50 }, (_, i) => sale({ receiptNo: b * 50 + i + 1, chargedMinor: 100 * n + i }));
        const o: VendorOutcome<PushSalesResult> = await client.pushSales(batch);
        if (o.kind !== 'ok') {
          unanswered.push({ counter: c, batch });
          return o;
        }
        expect(o.value.accepted).toEqual(batch.map((s) => s.id));
        for (const s of batch) acknowledged.set(s.id, s);
        if (!killed && acknowledged.size >= KILL_AFTER) {
          killed = true;
          first.child.kill('SIGKILL');
        }
      }
    };
    const ends = await Promise.all(counters.map((c, n) => pushLoop(c, n)));
    expect(ends.every((o) => o.kind === 'unknown')).toBe(true);
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER);

    // Restarted on the same database: every acknowledged sale is there, exactly as sent, once.
    const second = await startService(env);
    const stored = new Map<string, { sale: Sale; receivedCount: number }>();
    for (const c of counters) for (const s of await listAll(second.url, c)) stored.set(s.sale.id, s);
    for (const [id, s] of acknowledged) expect(stored.get(id), `acknowledged sale ${id}`).toEqual({ sale: s, receivedCount: 1, firstReceivedAt: expect.any(String), lastReceivedAt: expect.any(String) });

    // The outbox sends the unanswered batches again: each sale ends up in the ledger once,
    // whether or not the killed service had committed it.
    for (const [i, { counter, batch }] of unanswered.entries()) {
      const o = await createHeadOfficeClient(endpoint(second.url, counter)).pushSales(batch);
      expect(o, `resent batch ${i}`).toEqual({ kind: 'ok', value: { accepted: batch.map((s) => s.id), rejected: [] } });
    }
    const all = [...acknowledged.values(), ...unanswered.flatMap((u) => u.batch)];
    const rows = await pool.query<{ n: number; charged: string }>('SELECT count(*)::int AS n, sum(charged_minor)::text AS charged FROM sales WHERE sale_id = ANY($1::uuid[])', [all.map((s) => s.id)]);
    expect(rows.rows[0]).toEqual({ n: all.length, charged: String(all.reduce((t, s) => t + s.chargedMinor, 0)) });

    second.child.kill('SIGTERM');
    expect(await second.exited).toEqual({ code: 0, signal: null });
  }, 120_000);

  it('finishes the requests under way on SIGTERM, then closes and exits 0', async () => {
    const c = await registerCounter(pool, sealingKey, 'Counter at closing time');
    const svc = await startService(env);
    const client = createHeadOfficeClient(endpoint(svc.url, c));
    const batches = Array.from({ length: 8 }, () => Array.from({ length: 500 }, () => sale()));
    let signalled = false;
    const outcomes = batches.map((b) => client.pushSales(b).then((o) => {
      if (!signalled) {
        signalled = true;
        svc.child.kill('SIGTERM');
      }
      return { o, b };
    }));
    const results = await Promise.all(outcomes);
    expect(await svc.exited).toEqual({ code: 0, signal: null });
    const ok = results.filter((r) => r.o.kind === 'ok');
    expect(ok.length).toBeGreaterThanOrEqual(1);
    // Everything answered "accepted" is stored; the rest is for the outbox to send again.
    const ids = ok.flatMap((r) => r.b.map((s) => s.id));
    expect((await pool.query('SELECT count(*)::int AS n FROM sales WHERE sale_id = ANY($1::uuid[])', [ids])).rows[0]).toEqual({ n: ids.length });
    for (const r of results) if (r.o.kind !== 'ok') expect(r.o.kind).toBe('unknown');
  }, 60_000);

  it('stops at start on a bad variable, naming it and never echoing its value', async () => {
    const secretish = 'postgresql-but-not-a-url-s3cr3t-value';
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
      env: { ...process.env, DATABASE_URL: secretish, HEAD_OFFICE_PORT: '70000', HEAD_OFFICE_SEALING_KEY: 'short-k3y-value' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.push(child);
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
    expect(code).toBe(2);
    expect(stderr).toMatch(/DATABASE_URL must be a postgres:\/\//);
    expect(stderr).toMatch(/HEAD_OFFICE_PORT must be a whole number of a TCP port from 0 to 65535/);
    expect(stderr).toMatch(/HEAD_OFFICE_SEALING_KEY must be 32 random bytes in base64/);
    expect(stderr).not.toContain(secretish);
    expect(stderr).not.toContain('short-k3y-value');
  });
});
