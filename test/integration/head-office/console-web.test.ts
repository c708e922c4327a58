// The console's browser app as the service serves it: /console/ and every page path answer
// index.html (revalidated each load, with a Content-Security-Policy), hashed assets are cached for
// a year, a missing asset or API path is a 404 and never the app; without a build, /console/ says
// so in both languages while the API keeps working.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHeadOffice, type TestHeadOffice } from '../../helpers/head-office';
import { usePostgres } from '../../helpers/postgres';

const postgres = usePostgres();
let dir: string;
let built: TestHeadOffice;
let unbuilt: TestHeadOffice;
beforeAll(async () => {
  // A build's shape: index.html and a content-hashed asset, as vite.console.config.mts writes them.
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shahn-console-web-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>console</title><script type="module" src="/console/assets/index-Ab12Cd34.js"></script>');
  fs.writeFileSync(path.join(dir, 'assets', 'index-Ab12Cd34.js'), 'console.log(1)');
  built = await startTestHeadOffice(await postgres.freshDatabase(), { console: { webDir: dir } });
  unbuilt = await startTestHeadOffice(await postgres.freshDatabase(), { console: { webDir: path.join(dir, 'nothing-here') } });
});
afterAll(async () => {
  await built?.close();
  await unbuilt?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the console app at /console/', () => {
  it('answers index.html for /console/ and every page path, revalidated and with a CSP', async () => {
    const bare = await fetch(`${built.url}/console`, { redirect: 'manual' });
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/console/');
    for (const p of ['/console/', '/console/counters', '/console/sales', '/console/users', '/console/reports/daily']) {
      const res = await fetch(`${built.url}${p}`);
      expect(res.status, p).toBe(200);
      expect(res.headers.get('content-type'), p).toMatch(/^text\/html/);
      expect(res.headers.get('cache-control'), p).toBe('no-cache');
      expect(res.headers.get('content-security-policy'), p).toContain("frame-ancestors 'none'");
      expect(await res.text()).toContain('<title>console</title>');
    }
  });

  it('caches hashed assets for a year, and a missing asset or API path is a 404, never the app', async () => {
    const js = await fetch(`${built.url}/console/assets/index-Ab12Cd34.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await js.text()).toBe('console.log(1)');
    expect((await fetch(`${built.url}/console/assets/index-Old00000.js`)).status).toBe(404);
    const api = await fetch(`${built.url}/console/api/nothing`);
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ error: { code: 'NO_SUCH_ENDPOINT' } });
  });

  it('without a build, says so in Arabic and English, and the API still answers', async () => {
    const res = await fetch(`${unbuilt.url}/console/`);
    expect(res.status).toBe(503);
    const html = await res.text();
    expect(html).toContain('npm run build:console');
    expect(html).toContain('لوحة تحكم المكتب الرئيسي غير مبنية بعد');
    expect(html).toContain('The head office console is not built yet');
    expect((await fetch(`${unbuilt.url}/console/api/session`)).status).toBe(401);
    expect((await fetch(`${unbuilt.url}/console/api/nothing`)).status).toBe(404);
  });
});
