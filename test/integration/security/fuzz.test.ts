// Fuzz every contract channel with malformed inputs, as an admin (so the role gate is passed and
// the input validation itself is what is tested), through app.call() and, a smaller sample,
// through the browser host's HTTP. For each input: a typed RpcError (a code of ERROR_CODES, a
// message in Arabic and English, bounded in size) — BAD_INPUT, as nothing malformed may reach a
// handler. The process never crashes and Object.prototype is never polluted.
//
// "The database is unchanged" means: every row of every table (audit_log included) is identical
// before and after. Only malformed inputs are counted and sent (an input the schema happens to
// accept is skipped), and malformed inputs are refused before any handler runs, so not even a
// failed-login audit row may appear. The logins the test itself needs happen before the snapshot.
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyLimitOf } from '../../../main/host/body';
import { startHost, type Host } from '../../../main/host/server';
import { CHANNELS, contract, ERROR_CODES, RpcErrorSchema, type Channel } from '../../../preload/contract';
import { startHarness, type Harness } from '../../helpers/harness';
import { snapshot } from './db-snapshot';
import { isValid, malformedInput } from './fuzz-inputs';

const TOTAL = 10_000;
const PER_CHANNEL = Math.ceil((TOTAL * 1.1) / CHANNELS.length); // headroom for the valid inputs skipped
const HTTP_PER_CHANNEL = 12;
const ARABIC = /[\u0600-\u06FF]/;
/** The first-run channels: this counter has users, so they refuse every call before reading its input (test/integration/setup/). */
const expectedCode = (c: Channel) => (c.startsWith('setup.') && c !== 'setup.status' ? 'SETUP_DONE' : 'BAD_INPUT');

let h: Harness;
let host: Host;
let admin: string;
let before: Record<string, string>;
const crashes: unknown[] = [];
const onCrash = (e: unknown) => crashes.push(e);
const protoBefore = Object.getOwnPropertyNames(Object.prototype).sort();
const counts = { call: 0, http: 0, skippedValid: 0 };

beforeAll(async () => {
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  h = await startHarness();
  const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shahn-fuzz-static-'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html>');
  host = await startHost(h.app, { port: 0, staticDir });
  admin = await h.login('admin', '9999');
  before = snapshot(h.app.db.read);
});
afterAll(async () => {
  process.off('uncaughtException', onCrash);
  process.off('unhandledRejection', onCrash);
  await host.close();
  await h.close();
});

/** The checks every refusal must pass. */
function expectTypedError(error: unknown, where: string) {
  const parsed = RpcErrorSchema.safeParse({ error });
  expect(parsed.success, `${where}: not an RpcError: ${JSON.stringify(error)?.slice(0, 300)}`).toBe(true);
  const e = parsed.data!.error;
  expect(ERROR_CODES).toContain(e.code);
  expect(e.message.ar, where).toMatch(ARABIC);
  expect(e.message.en.length, where).toBeGreaterThan(5);
  expect(JSON.stringify(e).length, `${where}: error text must stay bounded`).toBeLessThan(8_000);
  return e;
}

describe('fuzz through app.call()', () => {
  it.each(CHANNELS)('%s refuses malformed input with BAD_INPUT', async (channel: Channel) => {
    const schema = contract[channel].input;
    await fc.assert(
      fc.asyncProperty(malformedInput(schema, { json: false }), async (input) => {
        if (isValid(schema, input)) return void counts.skippedValid++;
        counts.call++;
        const r = await h.app.call(channel, input, admin);
        expect(r.ok, `${channel} accepted a malformed input`).toBe(false);
        if (!r.ok) expect(expectTypedError(r.error, channel).code).toBe(expectedCode(channel));
      }),
      { numRuns: PER_CHANNEL, seed: 20260301 + CHANNELS.indexOf(channel) },
    );
  });

  it('unknown channel names (prototype keys, huge, unicode) are NOT_FOUND, never a crash', async () => {
    const names = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '', 'auth.login ', 'AUTH.LOGIN', 'sales.sell\u0000'), fc.string({ unit: 'binary', maxLength: 30 }), fc.integer({ min: 1_000, max: 100_000 }).map((n) => 'ش'.repeat(n)));
    await fc.assert(fc.asyncProperty(names, fc.anything(), async (name, input) => {
      fc.pre(!(CHANNELS as string[]).includes(name));
      const r = await h.app.call(name, input, admin);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(expectTypedError(r.error, 'unknown').code).toBe('NOT_FOUND');
    }), { numRuns: 300, seed: 7 });
  });
});

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
function post(p: string, body: string | Buffer, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: host.port, path: p, method: 'POST', agent, headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}`, ...headers } }, (res) => {
      let b = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (b += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: b }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** True when a raw body happens to be a valid call (e.g. an empty body for app.info). */
function acceptedByHost(p: string, body: Buffer): boolean {
  const channel = p.slice(5) as Channel;
  if (!(CHANNELS as string[]).includes(channel) || body.length > bodyLimitOf(channel)) return false;
  try {
    const text = body.toString('utf8');
    return isValid(contract[channel].input, text.trim() === '' ? {} : JSON.parse(text));
  } catch {
    return false;
  }
}

describe('fuzz through the browser host (HTTP)', () => {
  it('every channel: malformed JSON inputs get 400 and a typed, bilingual BAD_INPUT', async () => {
    for (const channel of CHANNELS) {
      const schema = contract[channel].input;
      await fc.assert(fc.asyncProperty(malformedInput(schema, { json: true }), async (input) => {
        const text = JSON.stringify(input) ?? 'null';
        const sent: unknown = JSON.parse(text); // what the host will see
        if (isValid(schema, sent)) return void counts.skippedValid++;
        counts.http++;
        const r = await post(`/rpc/${channel}`, text);
        // Over the body limit the host refuses before parsing (413), otherwise validation does (400).
        const code = Buffer.byteLength(text) > bodyLimitOf(channel) ? 'BAD_INPUT' : expectedCode(channel);
        expect(r.status, `${channel} ${text.slice(0, 200)}`).toBe(Buffer.byteLength(text) > bodyLimitOf(channel) ? 413 : code === 'SETUP_DONE' ? 403 : 400);
        expect(expectTypedError(JSON.parse(r.body).error, channel).code).toBe(code);
      }), { numRuns: HTTP_PER_CHANNEL, seed: 99 + CHANNELS.indexOf(channel) });
    }
  });

  it('raw bodies that are not JSON, too large, or odd paths get a typed error', async () => {
    const bodies = fc.oneof(
      fc.uint8Array({ maxLength: 200 }).map((a) => Buffer.from(a)),
      fc.string({ unit: 'binary', maxLength: 200 }).map((s) => Buffer.from(s)),
      fc.constantFrom('{', '[1,', '{"a":}', 'nul', '\uFEFF{}', '{"__proto__":{"polluted":1}}', '[]'.repeat(5000)).map((s) => Buffer.from(s)),
      fc.integer({ min: 64 * 1024 + 1, max: 300 * 1024 }).map((n) => Buffer.alloc(n, 0x7b)),
    );
    const paths = fc.oneof(fc.constantFrom(...CHANNELS).map((c) => `/rpc/${c}`), fc.constantFrom('/rpc/%E0%A4%A', '/rpc/', '/rpc/..%2f..%2f', '/rpc/__proto__', '/rpc/%00'));
    await fc.assert(fc.asyncProperty(paths, bodies, async (p, body) => {
      if (acceptedByHost(p, body)) return void counts.skippedValid++;
      counts.http++;
      const r = await post(p, body);
      // 403: a first-run channel on a counter already set up refuses before reading anything.
      expect([400, 404, 413, ...(p.startsWith('/rpc/setup.') ? [403] : [])], `${p} -> ${r.status}`).toContain(r.status);
      expectTypedError(JSON.parse(r.body).error, p);
    }), { numRuns: 300, seed: 5 });
  });
});

describe('afterwards', () => {
  it(`sent at least ${TOTAL} malformed inputs through app.call()`, () => {
    expect(counts.call).toBeGreaterThanOrEqual(TOTAL);
    console.log(`fuzz: ${counts.call} via app.call, ${counts.http} via HTTP, ${counts.skippedValid} generated inputs skipped as valid`);
  });
  it('the process never crashed and nothing polluted Object.prototype', () => {
    expect(crashes).toEqual([]);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  it('the database is unchanged, table by table (audit log included)', () => {
    expect(snapshot(h.app.db.read)).toEqual(before);
  });
  it('and the till still works: a real quote and sale go through', async () => {
    await h.login('cashier', '1111');
    const q = await h.call('sales.quote', { meterNumber: '04000001018', amountMinor: 1000 });
    expect(q.chargedMinor).toBeGreaterThan(0);
  });
});
