// One Shahn per data folder (so one outbox worker per database); a crashed one, a power cut, or a
// pid that another process got after a reboot never blocks the counter from starting again.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { AlreadyRunning, LOCK_NAME, PID_NAME, acquireInstanceLock } from '../../../db/instance-lock';
import { startHarness, type Harness } from '../../helpers/harness';

let h: Harness | undefined;
const children: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await h?.close();
  h = undefined;
  for (const c of children.splice(0)) c.kill('SIGKILL');
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'shahn-lock-'));
  dirs.push(d);
  return d;
};

const thrown = (f: () => unknown): unknown => {
  try {
    f();
  } catch (e) {
    return e;
  }
  return null;
};

const helper = path.join(__dirname, '..', '..', 'helpers', 'shahn-process.ts');

/** Another Shahn process on dataDir, resolved once it holds the folder. */
async function shahnProcess(dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', helper], {
    env: { ...process.env, SHAHN_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  const first = await readline.createInterface({ input: child.stdout! })[Symbol.asyncIterator]().next();
  expect(first.value).toBe(`ready ${child.pid}`);
  return child;
}

describe('one Shahn per data folder', () => {
  it('refuses a second app on the same folder while the first runs, and allows it after close', async () => {
    h = await startHarness();
    await expect(startHarness({ dataDir: h.dataDir, seed: false })).rejects.toThrow(AlreadyRunning);
    // That refused attempt closed its own handle on the lock file; the folder is still held, for
    // other processes too (POSIX drops a process's locks on a file when ANY handle to it closes).
    const other = spawnSync(process.execPath, ['--import', 'tsx', helper], { env: { ...process.env, SHAHN_DATA_DIR: h.dataDir }, encoding: 'utf8' });
    expect(other.status).not.toBe(0);
    expect(other.stderr).toContain(`already running on the data folder ${h.dataDir} (process ${process.pid})`);
    const dataDir = h.dataDir;
    await h.close();
    h = await startHarness({ dataDir, seed: false });
    expect((await h.login()).length).toBeGreaterThan(10);
  });

  it('two Shahn processes: the second is refused while the first runs, and starts once the first loses power', async () => {
    const dataDir = tempDir();
    const first = await shahnProcess(dataDir);
    const e = thrown(() => acquireInstanceLock(dataDir));
    expect(e).toBeInstanceOf(AlreadyRunning);
    expect((e as AlreadyRunning).pid).toBe(first.pid);
    expect((e as AlreadyRunning).message).toContain(`process ${first.pid}`);
    // A power cut: the process is gone without closing anything or releasing its lock.
    const gone = new Promise((r) => first.once('exit', r));
    first.kill('SIGKILL');
    await gone;
    h = await startHarness({ dataDir });
    expect((await h.login()).length).toBeGreaterThan(10);
  });

  it('takes over the lock of a process that died without closing', () => {
    const dir = tempDir();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    fs.writeFileSync(path.join(dir, PID_NAME), dead);
    const lock = acquireInstanceLock(dir);
    expect(fs.readFileSync(path.join(dir, PID_NAME), 'utf8')).toBe(String(process.pid));
    lock.release();
    expect(fs.existsSync(path.join(dir, PID_NAME))).toBe(false);
  });

  it('a pid file naming a live process that is not Shahn (its pid reused after a reboot) does not block', async () => {
    const dir = tempDir();
    const sleeper = spawn('sleep', ['30'], { stdio: 'ignore' });
    children.push(sleeper);
    await new Promise((r) => sleeper.once('spawn', r));
    fs.writeFileSync(path.join(dir, PID_NAME), String(sleeper.pid));
    const lock = acquireInstanceLock(dir);
    expect(fs.readFileSync(path.join(dir, PID_NAME), 'utf8')).toBe(String(process.pid));
    lock.release();
  });

  it('nor does a pid file naming this very process (on Windows a counter often gets the same pid after a reboot)', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, PID_NAME), String(process.pid));
    const lock = acquireInstanceLock(dir);
    expect(thrown(() => acquireInstanceLock(dir))).toBeInstanceOf(AlreadyRunning); // but the folder is held now
    lock.release();
    acquireInstanceLock(dir).release();
  });

  it('nor does a lock file that is not a lock (damaged, or a pid file of an older Shahn under that name)', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, LOCK_NAME), '12345');
    const lock = acquireInstanceLock(dir);
    expect(thrown(() => acquireInstanceLock(dir))).toBeInstanceOf(AlreadyRunning);
    lock.release();
  });
});
