// Issue 12, items 1 and 3 at the HTTP helper: the whole call is bounded (no attempt after its
// deadline, whatever the timeout and retries), every keyed attempt is recorded before it leaves
// with the timestamp it was signed with, and "never reached the vendor" is decided by whether the
// TCP connection was made, not by an error code.
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { VendorEndpointConfig } from '../../../main/vendors/config';
import { createVendorHttp, type AttemptRecorder } from '../../../main/vendors/http';
import { classifyFailure } from '../../../main/vendors/http-classify';
import { neverArrived } from '../../../main/vendors/outcome';
import { HEADER } from '../../../main/vendors/signing';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((c) => c()));
});

async function listen(server: http.Server | net.Server): Promise<string> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  closers.push(() => new Promise<void>((r) => (server.listening ? server.close(() => r()) : r())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const cfg = (baseUrl: string, timeoutMs: number, retryAttempts: number): VendorEndpointConfig => ({ baseUrl, apiKey: 'k', apiSecret: 's', merchantId: 'm', timeoutMs, retryAttempts });
const Any = z.object({ ok: z.literal(true) });

function recorder() {
  const rows: { id: number; key: string; signedAtMs: number; notAfterMs: number; connected?: boolean; endedAtMs?: number }[] = [];
  const r: AttemptRecorder = {
    record: (a) => rows.push({ id: rows.length + 1, ...a }),
    ended: (id, a) => Object.assign(rows[id - 1]!, a),
  };
  return { r, rows };
}

describe('the attempt budget of a vendor call', () => {
  it('sends no attempt after the deadline, however many retries are allowed', async () => {
    const arrived: number[] = [];
    const url = await listen(http.createServer((_req, res) => {
      arrived.push(Date.now());
      res.writeHead(503).end();
    }));
    const notAfterMs = Date.now() + 400;
    const started = Date.now();
    const o = await createVendorHttp(cfg(url, 2_000, 10), { retryBaseDelayMs: 40 }).send({ method: 'POST', path: '/charge', body: {}, idempotencyKey: 'sale-0001', notAfterMs, schema: Any });
    expect(o.kind).toBe('unknown');
    expect(arrived.length).toBeGreaterThanOrEqual(2);
    expect(arrived.length).toBeLessThan(11);
    for (const t of arrived) expect(t).toBeLessThanOrEqual(notAfterMs + 50);
    // The call also returns by the deadline: it does not sleep towards an attempt it will not send.
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('without a deadline the whole call is bounded by timeout x attempts', async () => {
    const arrived: number[] = [];
    const url = await listen(http.createServer((_req, res) => {
      arrived.push(Date.now());
      res.writeHead(503).end();
    }));
    const started = Date.now();
    // 10 retries of 100 ms: at most 1.1 s of attempts, while the backoff alone would reach 10 s.
    await createVendorHttp(cfg(url, 100, 10), { retryBaseDelayMs: 200 }).send({ method: 'GET', path: '/x', schema: Any });
    expect(Date.now() - started).toBeLessThan(1_600);
    expect(arrived.length).toBeLessThan(6);
  });

  it('records every keyed attempt before it is sent, with the timestamp it was signed with', async () => {
    const seen: { ts: string; rowsAtArrival: number }[] = [];
    const { r, rows } = recorder();
    const url = await listen(http.createServer((req, res) => {
      seen.push({ ts: String(req.headers[HEADER.timestamp]), rowsAtArrival: rows.length });
      res.writeHead(seen.length < 3 ? 503 : 200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true }));
    }));
    const o = await createVendorHttp(cfg(url, 2_000, 5), { retryBaseDelayMs: 5, attempts: r }).send({ method: 'POST', path: '/charge', body: {}, idempotencyKey: 'sale-0002', schema: Any });
    expect(o.kind).toBe('ok');
    expect(rows.map((x) => String(x.signedAtMs))).toEqual(seen.map((s) => s.ts));
    expect(seen.map((s) => s.rowsAtArrival)).toEqual([1, 2, 3]); // written before the bytes left
    expect(rows.every((x) => x.connected === true && x.endedAtMs! >= x.signedAtMs)).toBe(true);
    // Reads carry no key and are not recorded.
    await createVendorHttp(cfg(url, 2_000, 0), { attempts: r }).send({ method: 'GET', path: '/x', schema: Any });
    expect(rows).toHaveLength(3);
  });
});

describe('"never reached the vendor" is a fact about the connection', () => {
  it('a refused connection never connected: provably not arrived, and recorded so', async () => {
    const server = http.createServer();
    const url = await listen(server);
    await new Promise<void>((r) => server.close(() => r()));
    const { r, rows } = recorder();
    const o = await createVendorHttp(cfg(url, 1_000, 0), { attempts: r }).send({ method: 'POST', path: '/charge', body: {}, idempotencyKey: 'sale-0003', schema: Any });
    expect(neverArrived(o)).toBe(true);
    expect(rows[0]!.connected).toBe(false);
  });

  it('a connection reset after connecting may have arrived (unknown, not "unreachable")', async () => {
    const url = await listen(net.createServer((s) => s.once('data', () => s.resetAndDestroy())));
    const { r, rows } = recorder();
    const o = await createVendorHttp(cfg(url, 1_000, 0), { attempts: r }).send({ method: 'POST', path: '/charge', body: {}, idempotencyKey: 'sale-0004', schema: Any });
    expect(o.kind).toBe('unknown');
    expect(neverArrived(o)).toBe(false);
    expect(rows[0]!.connected).toBe(true);
  });

  it('a timeout after connecting may have arrived', async () => {
    const url = await listen(net.createServer((s) => s.on('close', () => {}).setTimeout(1_000, () => s.destroy()))); // accepts, never answers
    const o = await createVendorHttp(cfg(url, 300, 0)).send({ method: 'POST', path: '/charge', body: {}, idempotencyKey: 'sale-0005', schema: Any });
    expect(o.kind).toBe('unknown');
    expect(neverArrived(o)).toBe(false);
  });

  it('an error code that used to mean "never sent" is "may have arrived" once connected, and the reverse', () => {
    for (const code of ['EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'EAI_AGAIN', 'ECONNREFUSED']) {
      const e = Object.assign(new Error(code), { code });
      expect(classifyFailure(e, { timedOut: false, timeoutMs: 1_000, connected: true }).mayHaveArrived).toBe(true);
    }
    const reset = Object.assign(new Error('reset'), { code: 'ECONNRESET' });
    expect(classifyFailure(reset, { timedOut: false, timeoutMs: 1_000, connected: false }).mayHaveArrived).toBe(false);
    // A timeout while still connecting: nothing can have left.
    expect(classifyFailure(new Error('aborted'), { timedOut: true, timeoutMs: 1_000, connected: false }).mayHaveArrived).toBe(false);
    expect(classifyFailure(new Error('aborted'), { timedOut: true, timeoutMs: 1_000, connected: true }).mayHaveArrived).toBe(true);
  });
});
