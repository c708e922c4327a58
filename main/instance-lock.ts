// One Shahn per data folder: one database, one outbox worker, whatever the number of windows or
// terminals. The lock is a pid file; a file naming a dead process (a crash, a power cut) is stale
// and taken over, so a counter never needs a hand to start again.
import fs from 'node:fs';
import path from 'node:path';

export const PID_NAME = 'shahn.pid';

export class AlreadyRunning extends Error {
  override name = 'AlreadyRunning';
  constructor(readonly pid: number, dataDir: string) {
    super(`Shahn is already running on the data folder ${dataDir} (process ${pid}). A counter's database has one Shahn: use its window, or stop it first.`);
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0); // signal 0: "does it exist?"
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
};

/** The pid that holds the folder, or null when nobody (or only a dead process) does. */
export function runningPid(dataDir: string): number | null {
  const f = path.join(dataDir, PID_NAME);
  let text: string;
  try {
    text = fs.readFileSync(f, 'utf8').trim();
  } catch {
    return null;
  }
  const pid = Number(text);
  return Number.isInteger(pid) && pid > 0 && alive(pid) ? pid : null;
}

/** Takes the folder for this process; throws AlreadyRunning when a live process holds it. */
export function acquireInstanceLock(dataDir: string): { release(): void } {
  const f = path.join(dataDir, PID_NAME);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(f, String(process.pid), { flag: 'wx' }); // atomic: fails if it exists
      return { release: () => fs.rmSync(f, { force: true }) };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = runningPid(dataDir);
      if (holder !== null) throw new AlreadyRunning(holder, dataDir);
      fs.rmSync(f, { force: true }); // stale: its process is gone
    }
  }
  throw new AlreadyRunning(-1, dataDir);
}
