// The browser host's limits: the request body size, the bearer token on every non-public channel
// (and only in the Authorization header), and malformed URLs that once ended the process.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyLimitOf, MAX_BODY } from '../../../main/host/body';
import { startHost, type Host } from '../../../main/host/server';
import { CHANNELS, contract, ROLES, type Role } from '../../../preload/contract';
import { startHarness, type Harness } from '../../helpers/harness';

let h: Harness;
let host: Host;
const tokens = {} as Record<Role, string>;
const PINS: Record<Role, string> = { cashier: '1111', supervisor: '2222', admin: '9999' };

beforeAll(async () => {
  h = await startHarness();
  const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shahn-limits-static-'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html>');
  host = await startHost(h.app, { port: 0, staticDir });
  for (const r of ROLES) tokens[r] = await h.login(r, PINS[r]);
});
afterAll(async () => {
  await host.close();
  await h.close();
});

interface Reply { status: number; body: string; json: { error?: { code: string; message: { ar: string; en: string } } } }
function request(p: string, opts: { method?: string; body?: string | Buffer; headers?: Record<string, string>; chunks?: Buffer[] } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: host.port, path: p, method: opts.method ?? 'POST', headers: { 'content-type': 'application/json', ...opts.headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, json: body.startsWith('{') ? JSON.parse(body) : {} }));
    });
    req.on('error', reject);
    if (opts.chunks) {
      for (const c of opts.chunks) req.write(c);
      req.end();
    } else req.end(opts.body);
  });
}
const rpc = (channel: string, input: unknown, headers: Record<string, string> = {}) => request(`/rpc/${channel}`, { body: JSON.stringify(input), headers });

describe('request body size', () => {
  it(`refuses a body over ${MAX_BODY / 1024} KB with 413 and a bilingual message, before reading it`, async () => {
    const r = await request('/rpc/auth.login', { body: Buffer.alloc(MAX_BODY + 1, 0x20) });
    expect(r.status).toBe(413);
    expect(r.json.error).toMatchObject({ code: 'BAD_INPUT', message: { en: expect.stringContaining('too large'), ar: expect.stringContaining('كبير') } });
  });

  it('refuses a chunked body (no Content-Length) once it grows past the limit', async () => {
    const chunk = Buffer.alloc(16 * 1024, 0x20);
    const r = await request('/rpc/app.info', { chunks: Array.from({ length: 8 }, () => chunk) });
    expect(r.status).toBe(413);
    expect((await rpc('app.info', {})).status).toBe(200); // and the host is still there
  });

  it('lets an import file through (up to its own limit, 10 MB as base64) and no further', async () => {
    const csv = 'meter_number,kind,customer_name_ar\n' + '202400000001,acrel,x\n'.repeat(5_000); // about 100 KB: over the usual limit
    const r = await rpc('customers.import', { file: { name: 'big.csv', base64: Buffer.from(csv).toString('base64') }, dryRun: true }, { authorization: `Bearer ${tokens.supervisor}` });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ dryRun: true, rows: 5_000, format: 'csv' });
    const over = await request('/rpc/customers.import', { body: Buffer.alloc(bodyLimitOf('customers.import') + 1, 0x20) });
    expect(over.status).toBe(413);
    expect(over.json.error?.message.ar).toContain('كبير');
  });

  it('accepts a body right at the limit', async () => {
    const json = JSON.stringify({ username: 'cashier', pin: '1111' });
    const r = await request('/rpc/auth.login', { body: json + ' '.repeat(MAX_BODY - json.length) });
    expect(r.status).toBe(200);
  });
});

describe('the bearer token over HTTP', () => {
  const guarded = CHANNELS.filter((c) => contract[c].role !== 'public');
  it.each(guarded)('%s: refused without a valid bearer token, in any other form, or for a lower role', async (channel) => {
    const role = contract[channel].role as Role;
    const t = tokens.admin;
    const forms: Record<string, string>[] = [{}, { authorization: 'Bearer forged' }, { authorization: t }, { authorization: `bearer ${t}` }, { authorization: `Basic ${t}` }, { cookie: `token=${t}` }, { 'x-token': t }];
    for (const headers of forms) {
      const r = await rpc(channel, 'probe', headers);
      expect(r.status, `${channel} ${JSON.stringify(headers).slice(0, 40)}`).toBe(401);
      expect(r.json.error?.message.ar).toBeTruthy();
    }
    expect((await request(`/rpc/${channel}?token=${t}`, { body: '"probe"' })).status).toBe(401);
    for (const r of ROLES) {
      const res = await rpc(channel, 'probe', { authorization: `Bearer ${tokens[r]}` });
      // Lower roles: 403. The channel's role and higher pass the gate, then the probe input is refused (400).
      expect(res.status, `${r} -> ${channel}`).toBe(ROLES.indexOf(r) < ROLES.indexOf(role) ? 403 : 400);
    }
  });
});

describe('malformed URLs', () => {
  it('answer with an error and never take the host down', async () => {
    expect((await request('/rpc/%E0%A4%A', { body: '{}' })).status).toBe(404);
    expect((await request('/%E0%A4%A', { method: 'GET' })).status).toBe(400);
    expect((await request('/rpc/app.info', { body: '{}', headers: { authorization: '\u00ff' } })).status).toBe(200);
    expect((await rpc('app.info', {})).status).toBe(200);
  });
});
