// XMLVend msgIDs on a real database file opened as the app opens it: a key keeps its one msgID
// across a reopen and a kill -9; numbers strictly increase per client and never collide, whether
// the callers interleave in one thread or run on connections of their own in parallel threads;
// the dateTime is the counter's wall clock; the 6-digit number comes round after 999,999 without
// a msgID ever repeating.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../../db/open';
import { insertXmlvendMessage } from '../../../db/repos/xmlvend-messages';
import { AppError } from '../../../main/common/errors';
import { allocateMsgId, messageOfMsgId, msgIdDateTime, sentMessage, type Allocation, type SentMessage } from '../../../main/vendors/xmlvend/msg-id';

const CLIENT = '6001234567899';
const ALLOCATOR = path.join(__dirname, 'xmlvend-msg-id.allocator.ts');

const dirs: string[] = [];
const open: Db[] = [];
afterEach(() => {
  for (const d of open.splice(0)) if (d.write.open) d.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function dbFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shahn-msgid-'));
  dirs.push(dir);
  return path.join(dir, 'shahn.sqlite');
}

function opened(file: string): Db {
  const d = openDb(file);
  open.push(d);
  return d;
}

const T0 = new Date('2026-03-04T07:30:05Z');
const alloc = (d: Db, over: Partial<Allocation> = {}): SentMessage =>
  allocateMsgId(d.write, { clientId: CLIENT, kind: 'creditVend', key: null, timeZone: 'Africa/Tripoli', now: T0, ...over });

describe('msgID dateTime', () => {
  it("is the wall clock of the counter's time zone, through Intl", () => {
    // 23:30:05 UTC is already the next day in Tripoli (UTC+2) and still the same one in Havana (UTC-5).
    const t = new Date('2026-03-01T23:30:05Z');
    expect(msgIdDateTime(t, 'Africa/Tripoli')).toBe('20260302013005');
    expect(msgIdDateTime(t, 'Africa/Johannesburg')).toBe('20260302013005');
    expect(msgIdDateTime(t, 'America/Havana')).toBe('20260301183005');
    expect(msgIdDateTime(t, 'UTC')).toBe('20260301233005');
    // Midnight is hour 00, never 24.
    expect(msgIdDateTime(new Date('2026-03-01T22:00:00Z'), 'Africa/Tripoli')).toBe('20260302000000');
    // Summer time: Europe/Lisbon is UTC+1 in July.
    expect(msgIdDateTime(new Date('2026-07-01T12:00:00Z'), 'Europe/Lisbon')).toBe('20260701130000');
  });

  it('refuses a time zone that is not one', () => {
    expect(() => msgIdDateTime(T0, 'Mars/Olympus')).toThrow(AppError);
  });
});

describe('msgID allocation', () => {
  it('gives a key the same msgID every time, across a reopen of the database', () => {
    const file = dbFile();
    const a = opened(file);
    const first = alloc(a, { key: 'sale-1' });
    expect(first).toMatchObject({ clientId: CLIENT, seq: 1, msgId: { dateTime: '20260304093005', uniqueNumber: 1 }, reused: false });
    alloc(a, { key: 'sale-2' });
    // Later, and another clock: still the first msgID, flagged as the same message.
    const again = alloc(a, { key: 'sale-1', now: new Date('2026-03-05T10:00:00Z') });
    expect(again).toEqual({ ...first, reused: true });
    a.close();

    const b = opened(file);
    expect(alloc(b, { key: 'sale-1', now: new Date('2026-04-01T00:00:00Z') })).toEqual({ ...first, reused: true });
    expect(sentMessage(b.read, 'creditVend', 'sale-1')).toEqual({ ...first, reused: true });
    expect(messageOfMsgId(b.read, CLIENT, first.msgId)?.key).toBe('sale-1');
    // The same key for another purpose is another message; a new key continues the count.
    expect(alloc(b, { key: 'sale-1', kind: 'reprint' }).seq).toBe(3);
    expect(alloc(b, { key: 'sale-3' }).seq).toBe(4);
    expect(sentMessage(b.read, 'creditVend', 'never-sent')).toBeNull();
  });

  it('numbers strictly increase per client, each client counting on its own', () => {
    const d = opened(dbFile());
    const other = '4006381333931';
    const seen: SentMessage[] = [];
    for (let i = 0; i < 40; i++) {
      seen.push(alloc(d, { key: i % 3 === 0 ? null : `k-${i}`, kind: i % 2 ? 'creditVend' : 'confirmCustomer', clientId: i % 4 === 3 ? other : CLIENT }));
    }
    for (const client of [CLIENT, other]) {
      const mine = seen.filter((m) => m.clientId === client);
      expect(mine.map((m) => m.seq)).toEqual(mine.map((_, i) => i + 1));
      expect(mine.map((m) => m.msgId.uniqueNumber)).toEqual(mine.map((_, i) => i + 1));
    }
  });

  it('never collides when callers interleave in one process', async () => {
    const d = opened(dbFile());
    const tick = () => new Promise<void>((r) => setImmediate(r));
    const results = await Promise.all(Array.from({ length: 200 }, async (_, i) => {
      await tick();
      if (i % 2) await tick();
      return alloc(d, { key: `sale-${i % 150}`, now: new Date() });
    }));
    // 150 keys: 150 messages, numbered 1..150 without a gap or a repeat; a repeated key got its msgID back.
    const distinct = new Map(results.map((m) => [m.key, m]));
    expect(new Set(results.map((m) => m.seq)).size).toBe(150);
    expect([...distinct.values()].map((m) => m.seq).sort((x, y) => x - y)).toEqual(Array.from({ length: 150 }, (_, i) => i + 1));
    for (const m of results) expect(m).toMatchObject({ seq: distinct.get(m.key)!.seq, msgId: distinct.get(m.key)!.msgId });
  });

  it('never collides between connections of their own in parallel threads', async () => {
    const file = dbFile();
    opened(file).close(); // migrated once, as the app would have
    const run = (prefix: string) => new Promise<string[]>((resolve, reject) => {
      const w = new Worker(`require('tsx/cjs'); require(${JSON.stringify(ALLOCATOR)});`, { eval: true, workerData: { file, count: 60, prefix } });
      w.once('message', resolve);
      w.once('error', reject);
    });
    const lines = (await Promise.all(['a', 'b', 'c', 'd'].map(run))).flat();
    const seqs = lines.map((l) => Number(l.split(' ')[1]));
    expect(seqs.sort((x, y) => x - y)).toEqual(Array.from({ length: 240 }, (_, i) => i + 1));
    const pairs = lines.map((l) => l.split(' ').slice(2).join(' '));
    expect(new Set(pairs).size).toBe(240);
  });

  it('survives kill -9: every msgID handed out is kept, and the next one is higher', async () => {
    const file = dbFile();
    opened(file).close();
    const child = spawn(process.execPath, ['--import', 'tsx', ALLOCATOR], { env: { ...process.env, SHAHN_MSGID_DB: file }, stdio: ['ignore', 'pipe', 'inherit'] });
    const handedOut: string[] = [];
    for await (const l of readline.createInterface({ input: child.stdout! })) {
      handedOut.push(l);
      if (handedOut.length === 25) {
        child.kill('SIGKILL');
        break;
      }
    }
    await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(null) : child.once('exit', r)));
    expect(child.signalCode).toBe('SIGKILL');

    const d = opened(file);
    for (const l of handedOut) {
      const [key, seq, dateTime, n] = l.split(' ');
      expect(alloc(d, { key })).toMatchObject({ seq: Number(seq), msgId: { dateTime, uniqueNumber: Number(n) }, reused: true });
    }
    const next = alloc(d, { key: 'after-the-crash' });
    expect(next.seq).toBeGreaterThan(Math.max(...handedOut.map((l) => Number(l.split(' ')[1]))));
  });

  it('comes round from 999999 to 1 without a msgID repeating, skipping a pair already taken', () => {
    const d = opened(dbFile());
    const row = (seq: number, dateTime: string) => insertXmlvendMessage(d.write, {
      client_id: CLIENT, seq, unique_number: ((seq - 1) % 999_999) + 1, date_time: dateTime, kind: 'creditVend', key: null, created_at: T0.toISOString(),
    });
    // Message 1 went out at 09:30:05 (a clock later set back to that second); 999,999 is the last before the wrap.
    row(1, '20260304093005');
    row(999_999, '20260304093004');
    // The next number is 1 again, but (09:30:05, 1) is taken: it takes 2.
    const m = alloc(d);
    expect(m).toMatchObject({ seq: 1_000_001, msgId: { dateTime: '20260304093005', uniqueNumber: 2 } });
    // A second later, the number after it.
    expect(alloc(d, { now: new Date(T0.getTime() + 1000) })).toMatchObject({ seq: 1_000_002, msgId: { dateTime: '20260304093006', uniqueNumber: 3 } });
  });

  it('refuses what cannot be a msgID allocation', () => {
    const d = opened(dbFile());
    expect(() => alloc(d, { clientId: 'PAGASO' })).toThrow(/13-digit EAN/);
    expect(() => alloc(d, { key: '' })).toThrow();
    expect(() => alloc(d, { kind: 'vend' as never })).toThrow();
    expect(() => alloc(d, { timeZone: 'Nowhere/Land' })).toThrow(AppError);
    expect(() => alloc(d, { now: new Date(Number.NaN) })).toThrow();
  });
});
