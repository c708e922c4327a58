// One Shahn per data folder: one database, one outbox worker, whatever the number of windows or
// terminals. The lock is one the operating system keeps, not a pid: an exclusive SQLite lock on
// shahn.lock, held for the life of the process (SQLite's own file locks, already in the app: fcntl
// record locks on Linux and macOS, LockFileEx on Windows). The OS drops it when the process ends,
// however it ends (crash, kill, power cut), and no lock survives a reboot. So a counter always
// starts again by itself, and nothing can be fooled by pid reuse: after a reboot another process
// (or, common on Windows, this very Shahn) may well have the pid the last one had.
// shahn.pid beside it only says who holds the folder, for messages; it decides nothing.
//
// Considered and not used: a pid file with the process's start time (/proc/<pid>/stat on Linux,
// no such thing without native code on Windows), and proper-lockfile (mkdir + an mtime refreshed
// by a timer: a restart within its stale window is refused, and a Shahn whose event loop is busy
// for longer than that window, e.g. a long synchronous backup, can have its lock taken over).
import fs from 'node:fs';
import path from 'node:path';
import { takeFileLock } from './lock';

export const LOCK_NAME = 'shahn.lock';
export const PID_NAME = 'shahn.pid';

export class AlreadyRunning extends Error {
  override name = 'AlreadyRunning';
  constructor(readonly pid: number | null, dataDir: string) {
    super(`Shahn is already running on the data folder ${dataDir} (process ${pid ?? 'unknown'}). A counter's database has one Shahn: use its window, or stop it first.`);
  }
}

/** Who holds the folder, as the holder wrote it; only for messages. */
function holderPid(dataDir: string): number | null {
  try {
    const pid = Number(fs.readFileSync(path.join(dataDir, PID_NAME), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Takes the folder for this process; throws AlreadyRunning when a live Shahn holds it. */
export function acquireInstanceLock(dataDir: string): { release(): void } {
  const lock = takeFileLock(path.join(dataDir, LOCK_NAME));
  if (!lock) throw new AlreadyRunning(holderPid(dataDir), dataDir);
  const pidFile = path.join(dataDir, PID_NAME);
  const tmp = `${pidFile}.${process.pid}`;
  try {
    fs.writeFileSync(tmp, String(process.pid));
    fs.renameSync(tmp, pidFile); // whole or not at all; any earlier holder's pid is stale by now
  } catch (e) {
    lock.close();
    throw e;
  }
  let released = false;
  return {
    release: () => {
      if (released) return;
      released = true;
      fs.rmSync(pidFile, { force: true }); // before the lock goes: never a next holder's file
      lock.close();
    },
  };
}
