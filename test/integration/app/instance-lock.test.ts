// One Shahn per data folder (so one outbox worker per database); a crashed one does not block.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AlreadyRunning, PID_NAME, acquireInstanceLock } from '../../../main/instance-lock';
import { startHarness, type Harness } from '../../helpers/harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('one Shahn per data folder', () => {
  it('refuses a second app on the same folder while the first runs, and allows it after close', async () => {
    h = await startHarness();
    await expect(startHarness({ dataDir: h.dataDir, seed: false })).rejects.toThrow(AlreadyRunning);
    const dataDir = h.dataDir;
    await h.close();
    h = await startHarness({ dataDir, seed: false });
    expect((await h.login()).length).toBeGreaterThan(10);
  });

  it('takes over the lock of a process that died without closing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shahn-lock-'));
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    fs.writeFileSync(path.join(dir, PID_NAME), dead);
    const lock = acquireInstanceLock(dir);
    expect(fs.readFileSync(path.join(dir, PID_NAME), 'utf8')).toBe(String(process.pid));
    lock.release();
    expect(fs.existsSync(path.join(dir, PID_NAME))).toBe(false);
  });
});
