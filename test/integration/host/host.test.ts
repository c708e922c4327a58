// The browser host: the contract over HTTP on 127.0.0.1, refusing foreign Host/Origin headers.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type Host } from '../../../main/host/server';
import { startHarness, type Harness } from '../../helpers/harness';

let h: Harness;
let host: Host;
const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shahn-static-'));

beforeAll(async () => {
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Shahn</title>');
  h = await startHarness();
  host = await startHost(h.app, { port: 0, staticDir });
});
afterAll(async () => {
  await host.close();
  await h.close();
});

function request(p: string, opts: { method?: string; body?: string; headers?: Record<string, string> } = {}): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: host.port, path: p, method: opts.method ?? 'GET', headers: { 'content-type': 'application/json', ...opts.headers } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}
const rpc = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
  request(`/rpc/${channel}`, { method: 'POST', body: JSON.stringify(body), headers });

describe('browser host', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('logs in and then answers with the bearer token', async () => {
    const login = await rpc('auth.login', { username: 'cashier', pin: '1111' });
    expect(login.status).toBe(200);
    const { token, user } = JSON.parse(login.body) as { token: string; user: { role: string } };
    expect(user.role).toBe('cashier');
    const meters = await rpc('meters.lookup', { query: '0400000101' }, { authorization: `Bearer ${token}` });
    expect(meters.status).toBe(200);
    expect(JSON.parse(meters.body)).toEqual(expect.arrayContaining([expect.objectContaining({ number: '04000001018', kind: 'sts' })]));
  });

  it('refuses calls without a session, wrong PINs and bad input with bilingual errors', async () => {
    const anon = await rpc('sync.status', {});
    expect(anon.status).toBe(401);
    const wrong = await rpc('auth.login', { username: 'cashier', pin: '0000' });
    expect(wrong.status).toBe(401);
    expect(JSON.parse(wrong.body).error.message.ar).toBeTruthy();
    const bad = await rpc('auth.login', { username: 'cashier', pin: 'abc' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error).toMatchObject({ code: 'BAD_INPUT', message: { en: expect.stringContaining('pin'), ar: expect.any(String) } });
    const notJson = await request('/rpc/auth.login', { method: 'POST', body: '{nope' });
    expect(notJson.status).toBe(400);
    const unknown = await rpc('sales.refundEverything', {});
    expect(unknown.status).toBe(404);
  });

  it('refuses foreign Host and Origin headers (DNS rebinding, cross-site requests)', async () => {
    expect((await rpc('app.info', {}, { host: 'evil.example:80' })).status).toBe(403);
    expect((await rpc('app.info', {}, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await request('/', { headers: { host: `attacker.test:${host.port}` } })).status).toBe(403);
    expect((await rpc('app.info', {}, { origin: `http://127.0.0.1:${host.port}` })).status).toBe(200);
  });

  it('serves the renderer with a strict Content-Security-Policy, and nothing outside its folder', async () => {
    const page = await request('/');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    const escape = await request('/..%2f..%2f..%2fetc%2fpasswd');
    expect(escape.body).not.toContain('root:');
  });
});

describe('meters.lookup', () => {
  it('names a wrong check digit instead of returning nothing', async () => {
    await h.login();
    const r = await h.raw('meters.lookup', { query: '04000001019' });
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_METER_NUMBER', message: { ar: expect.stringContaining('خانة تحقق'), en: expect.stringContaining('check digit') } } });
    const unknown = await h.raw('meters.lookup', { query: '04000001034' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'METER_NOT_FOUND' } });
  });
});
