// The shared HTTP helper's retry rules and the request signature, against tiny local servers.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { VendorEndpointConfig } from '../../../main/vendors/config';
import { createVendorHttp } from '../../../main/vendors/http';
import { neverArrived } from '../../../main/vendors/outcome';
import { HEADER, MAX_CLOCK_SKEW_MS, sign, verifySignature } from '../../../main/vendors/signing';

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((r) => (s.listening ? s.close(() => r()) : r()))));
});

async function serve(handler: http.RequestListener): Promise<{ server: http.Server; url: string; seen: http.IncomingMessage[] }> {
  const seen: http.IncomingMessage[] = [];
  const server = http.createServer((req, res) => {
    seen.push(req);
    handler(req, res);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

const cfg = (baseUrl: string, retryAttempts = 2): VendorEndpointConfig => ({
  baseUrl,
  apiKey: 'k',
  apiSecret: 's',
  merchantId: 'm',
  timeoutMs: 2_000,
  retryAttempts,
});
const Any = z.object({ ok: z.literal(true) });

describe('vendor HTTP helper', () => {
  it('a refused connection after an attempt that arrived is not "unreachable"', async () => {
    const { server, url } = await serve((_req, res) => {
      res.writeHead(503).end();
      server.close(); // the next attempt finds nobody listening
    });
    const o = await createVendorHttp(cfg(url), { retryBaseDelayMs: 5 }).send({ method: 'GET', path: '/x', schema: Any });
    expect(o.kind).toBe('unknown');
    expect(neverArrived(o)).toBe(false);
    if (o.kind === 'unknown') expect(o.reason).toMatch(/^no answer: an earlier attempt may have arrived/);
  });

  it('a refusal on a retry of a keyed change after an attempt that may have arrived is "unknown"', async () => {
    let n = 0;
    const { url } = await serve((_req, res) => {
      if (n++ === 0) return void res.writeHead(503).end(); // may have been acted on
      res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'STALE_TIMESTAMP', message: { en: 'clock', ar: 'الساعة' } } }));
    });
    const o = await createVendorHttp(cfg(url, 1), { retryBaseDelayMs: 5 }).send({ method: 'POST', path: '/charge', body: {}, idempotencyKey: 'key-00000002', schema: Any });
    expect(o.kind).toBe('unknown');
    // A read refused the same way is a plain refusal: nothing can have changed.
    n = 0;
    const r = await createVendorHttp(cfg(url, 1), { retryBaseDelayMs: 5 }).send({ method: 'GET', path: '/balance', schema: Any });
    expect(r.kind).toBe('refused');
  });

  it('does not retry a POST that has neither a key nor retrySafe', async () => {
    const { url, seen } = await serve((_req, res) => res.writeHead(500).end());
    const o = await createVendorHttp(cfg(url, 3), { retryBaseDelayMs: 5 }).send({ method: 'POST', path: '/x', body: {}, schema: Any });
    expect(o).toEqual({ kind: 'unknown', reason: 'http 500' });
    expect(seen).toHaveLength(1);
  });

  it('retries a keyed POST up to retryAttempts times, signing each attempt afresh', async () => {
    const { url, seen } = await serve((_req, res) => res.writeHead(502).end());
    await createVendorHttp(cfg(url, 2), { retryBaseDelayMs: 5 }).send({ method: 'POST', path: '/x', body: { a: 1 }, idempotencyKey: 'key-00000001', schema: Any });
    expect(seen).toHaveLength(3);
    expect(seen.every((r) => r.headers[HEADER.idempotencyKey] === 'key-00000001')).toBe(true);
  });

  it('signs METHOD, path (with the base URL prefix), timestamp and exact body', async () => {
    let captured: { headers: http.IncomingHttpHeaders; url: string; body: Buffer } | undefined;
    const { url } = await serve((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        captured = { headers: req.headers, url: req.url ?? '', body: Buffer.concat(chunks) };
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      });
    });
    const o = await createVendorHttp(cfg(`${url}/vendor/`)).send({ method: 'POST', path: '/api/v1/a', body: { n: 'عربي', x: 1 }, schema: Any });
    expect(o).toEqual({ kind: 'ok', value: { ok: true } });
    expect(captured!.url).toBe('/vendor/api/v1/a');
    expect(captured!.headers[HEADER.apiKey]).toBe('k');
    expect(captured!.headers[HEADER.merchantId]).toBe('m');
    const check = verifySignature({ method: 'POST', path: captured!.url, headers: captured!.headers, body: captured!.body }, () => ({ apiKey: 'k', apiSecret: 's', merchantId: 'm' }));
    expect(check.ok).toBe(true);
  });
});

describe('signature', () => {
  const creds = { apiKey: 'demo', apiSecret: 'secret', merchantId: 'M1' };
  const lookup = (k: string) => (k === 'demo' ? creds : undefined);
  const now = 1_767_225_600_000; // 2026-01-01T00:00:00Z

  it('matches a pinned vector (HMAC-SHA256 over METHOD\\nPATH\\nTIMESTAMP\\nBODY, lower-case hex)', () => {
    // printf 'POST\n/api/v1/meters/charge\n1767225600000\n{"a":1}' | openssl dgst -sha256 -hmac secret
    expect(sign('secret', { method: 'post', path: '/api/v1/meters/charge', timestamp: '1767225600000', body: '{"a":1}' })).toBe(
      'ce4b6ca0e051feabc390a5d53f6a890fe70e1fc014fb8ec0aae6ffcd1a7484e1',
    );
  });

  it('rejects a stale timestamp, a changed body, a wrong merchant and missing headers', () => {
    const body = Buffer.from('{"a":1}');
    const good = (ts: number) => ({
      [HEADER.apiKey]: 'demo',
      [HEADER.merchantId]: 'M1',
      [HEADER.timestamp]: String(ts),
      [HEADER.signature]: sign('secret', { method: 'POST', path: '/p', timestamp: String(ts), body }),
    });
    const req = (headers: Record<string, string>, b = body) => ({ method: 'POST', path: '/p', headers, body: b });
    expect(verifySignature(req(good(now)), lookup, now)).toMatchObject({ ok: true });
    expect(verifySignature(req(good(now - MAX_CLOCK_SKEW_MS - 1)), lookup, now)).toEqual({ ok: false, failure: 'STALE_TIMESTAMP' });
    expect(verifySignature(req(good(now), Buffer.from('{"a":2}')), lookup, now)).toEqual({ ok: false, failure: 'BAD_SIGNATURE' });
    expect(verifySignature(req({ ...good(now), [HEADER.merchantId]: 'M2' }), lookup, now)).toEqual({ ok: false, failure: 'BAD_MERCHANT' });
    expect(verifySignature(req({}), lookup, now)).toEqual({ ok: false, failure: 'MISSING_AUTH' });
  });
});
