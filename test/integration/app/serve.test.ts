// `npm run serve` on the user's own data: the browser host starts on the data folder it is given,
// prints where it listens, answers the contract on loopback, holds no demo data (no user can log
// in), says its version, and stops cleanly on SIGTERM. A bad PORT stops it before anything starts.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../../main/app/data-dir';
import { portFromEnv } from '../../../main/host/serve';

const ROOT = path.resolve(__dirname, '../../..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const SERVE = path.join(ROOT, 'main', 'host', 'serve.ts');
const dirs: string[] = [];
const tmp = () => { const d = fs.mkdtempSync(path.join(os.tmpdir(), 'shahn-serve-')); dirs.push(d); return d; };
afterEach(() => { for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true }); });

describe('npm run serve', () => {
  it('serves the contract on 127.0.0.1 from the given data folder, with no demo data, and stops on SIGTERM', async () => {
    const dataDir = tmp();
    const child = spawn(TSX, [SERVE], { env: { ...process.env, SHAHN_DATA_DIR: dataDir, PORT: '0', SHAHN_SEED_DEMO: '1', SHAHN_LOG_LEVEL: 'silent' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stderr.on('data', (b: Buffer) => { out += b.toString(); });
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (b: Buffer) => {
        out += b.toString();
        const m = /^Shahn: (http:\/\/127\.0\.0\.1:\d+)$/m.exec(out);
        if (m) resolve(m[1]!);
      });
      child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
    });
    const rpc = async (channel: string, input: unknown) => (await fetch(`${url}/rpc/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) })).json() as Promise<Record<string, unknown>>;
    const info = await rpc('app.info', {});
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(info).toMatchObject({ name: 'Shahn', version: pkg.version });
    // SHAHN_SEED_DEMO is the demo's switch, not the app's: the user's data stays theirs.
    const login = await rpc('auth.login', { username: 'cashier', pin: '1111' });
    expect((login.error as { code: string }).code).toBe('UNAUTHENTICATED');
    expect(fs.existsSync(path.join(dataDir, 'shahn.sqlite'))).toBe(true);
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 30_000);

  it('refuses a PORT that is not a port number, naming it', () => {
    expect(portFromEnv({})).toBe(5170);
    expect(portFromEnv({ PORT: '8080' })).toBe(8080);
    for (const bad of ['http', '-1', '70000', '80.5']) expect(() => portFromEnv({ PORT: bad })).toThrow(/PORT must be a TCP port number/);
    const r = spawnSync(TSX, [SERVE], { env: { ...process.env, SHAHN_DATA_DIR: tmp(), PORT: 'eighty' }, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('PORT must be a TCP port number (0-65535), not "eighty"');
  }, 30_000);

  it('keeps its data in the application-data folder the desktop app uses, unless SHAHN_DATA_DIR says otherwise', () => {
    expect(defaultDataDir('linux', {}, '/home/amal')).toBe('/home/amal/.config/Shahn');
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/srv/conf' }, '/home/amal')).toBe('/srv/conf/Shahn');
    expect(defaultDataDir('darwin', {}, '/Users/amal')).toBe('/Users/amal/Library/Application Support/Shahn');
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\amal\\AppData\\Roaming' }, 'C:\\Users\\amal')).toBe('C:\\Users\\amal\\AppData\\Roaming\\Shahn');
  });
});
