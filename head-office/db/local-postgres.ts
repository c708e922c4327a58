// A throwaway PostgreSQL cluster in a temp folder: the demo's database when no DATABASE_URL is
// given, and the tests' (test/helpers/postgres.ts). It runs the distribution's own server binaries
// (Debian's `postgresql` package: /usr/lib/postgresql/<version>/bin) as the current user, or as the
// `postgres` system user when we are root (initdb and postgres refuse to run as root). Durability
// is switched off (fsync, full-page writes): the cluster is deleted when it stops, and a crash of
// the machine loses nothing anyone keeps. Never a system-wide service.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface LocalPostgres {
  /** postgresql:// URL of the database created at start (TCP on 127.0.0.1, trust authentication). */
  readonly url: string;
  readonly port: number;
  /** The temp folder holding the data directory and the socket directory. */
  readonly dir: string;
  /** A further empty database on the same cluster, for a test that wants its own; its URL. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server (fast shutdown) and deletes the temp folder. Safe to call twice. */
  stop(): Promise<void>;
}

export class LocalPostgresError extends Error {
  override name = 'LocalPostgresError';
}

const MIN_MAJOR = 15;
const SUPERUSER = 'postgres';

/** The folder of initdb and postgres: PG_BIN_DIR, else the newest /usr/lib/postgresql/<v>/bin, else PATH. */
export function findPostgresBin(env: NodeJS.ProcessEnv = process.env): string | null {
  const has = (dir: string) => fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'postgres'));
  if (env.PG_BIN_DIR) return has(env.PG_BIN_DIR) ? env.PG_BIN_DIR : null;
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root)
    ? fs.readdirSync(root).filter((v) => /^\d+$/.test(v) && Number(v) >= MIN_MAJOR).sort((a, b) => Number(b) - Number(a))
    : [];
  for (const v of versions) if (has(path.join(root, v, 'bin'))) return path.join(root, v, 'bin');
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir || !has(dir)) continue;
    // /usr/local/bin/initdb may be a link into the real bin folder, where postgres also lives.
    return path.dirname(fs.realpathSync(path.join(dir, 'initdb')));
  }
  return null;
}

interface RunAs {
  uid: number;
  gid: number;
}

/** Root cannot run PostgreSQL: run it as the `postgres` system user the package creates. */
function runAs(): RunAs | null {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return null;
  try {
    const uid = Number(execFileSync('id', ['-u', SUPERUSER], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', SUPERUSER], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    throw new LocalPostgresError(`running as root, and there is no "${SUPERUSER}" system user to run PostgreSQL as (install Debian's postgresql package)`);
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (a && typeof a === 'object' ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

/** Resolves when the server logs that it accepts connections; rejects if it exits first. */
function untilReady(child: ChildProcess, tail: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    let buf = '';
    const onData = (d: Buffer) => {
      buf += d.toString('utf8');
      const lines = buf.split('\n');
      buf = lines.pop() ?? '';
      for (const line of lines) {
        tail.push(line);
        if (tail.length > 40) tail.shift();
        if (line.includes('database system is ready to accept connections')) {
          cleanup();
          resolve();
        }
      }
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      cleanup();
      reject(new LocalPostgresError(`postgres exited (${signal ?? code}) before accepting connections:\n${tail.join('\n')}`));
    };
    const cleanup = () => {
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
    };
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}

const ident = (name: string) => {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new LocalPostgresError(`not a plain database name: ${name}`);
  return name;
};

export async function startLocalPostgres(opts: { database?: string; tmpDir?: string } = {}): Promise<LocalPostgres> {
  const bin = findPostgresBin();
  if (!bin) {
    throw new LocalPostgresError(
      `PostgreSQL ${MIN_MAJOR} or newer is not installed (no initdb/postgres in /usr/lib/postgresql/*/bin or on PATH). ` +
        'On Debian: apt-get install postgresql. Or give DATABASE_URL.',
    );
  }
  const database = ident(opts.database ?? 'head_office');
  const as = runAs();
  const dir = fs.mkdtempSync(path.join(opts.tmpDir ?? os.tmpdir(), 'shahn-pg-'));
  const data = path.join(dir, 'data');
  const sock = path.join(dir, 'sock');
  fs.mkdirSync(sock);
  if (as) {
    fs.chownSync(dir, as.uid, as.gid);
    fs.chownSync(sock, as.uid, as.gid);
  }
  const spawnOpts = { ...(as ?? {}), env: { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' } };
  let child: ChildProcess | null = null;
  let stopped = false;

  const stop = async () => {
    if (stopped) return;
    stopped = true;
    const c = child;
    if (c && c.exitCode === null && c.signalCode === null) {
      const exited = new Promise<void>((r) => c.once('exit', () => r()));
      // Smart shutdown first: connections still closing finish cleanly instead of being cut
      // (a client cut while it ends reports an error nobody listens to any more). Then fast
      // shutdown for connections left open, then kill.
      c.kill('SIGTERM');
      const timers = [setTimeout(() => c.kill('SIGINT'), 2_000), setTimeout(() => c.kill('SIGKILL'), 10_000)];
      await exited;
      timers.forEach(clearTimeout);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };

  try {
    execFileSync(
      path.join(bin, 'initdb'),
      ['-D', data, '-U', SUPERUSER, '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync', '--no-instructions'],
      { ...spawnOpts, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    const tail: string[] = [];
    let port = 0;
    // A free port can be taken between the probe and the bind: try a few.
    for (let attempt = 0; ; attempt++) {
      port = await freePort();
      child = spawn(
        path.join(bin, 'postgres'),
        [
          '-D', data, '-p', String(port), '-k', sock,
          '-c', 'listen_addresses=127.0.0.1',
          '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off',
          '-c', 'wal_level=minimal', '-c', 'max_wal_senders=0', '-c', 'archive_mode=off',
          '-c', 'max_connections=200', '-c', 'log_min_messages=warning', '-c', 'log_min_error_statement=panic',
        ],
        // Its own process group: a Ctrl-C at the terminal reaches only us, and we stop the
        // server after the connections using it are closed, not under them.
        { ...spawnOpts, stdio: ['ignore', 'ignore', 'pipe'], detached: true },
      );
      try {
        await untilReady(child, tail);
        break;
      } catch (err) {
        if (attempt >= 3 || !tail.some((l) => l.includes('could not bind'))) throw err;
      }
    }
    // Keep draining the log so the server never blocks on a full pipe.
    child.stderr?.resume();
    const admin = new pg.Client({ host: '127.0.0.1', port, user: SUPERUSER, database: 'postgres' });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${database}`);
    } finally {
      await admin.end();
    }
    const urlOf = (db: string) => `postgresql://${SUPERUSER}@127.0.0.1:${port}/${db}`;
    return {
      url: urlOf(database),
      port,
      dir,
      async createDatabase(name) {
        const c = new pg.Client({ host: '127.0.0.1', port, user: SUPERUSER, database: 'postgres' });
        await c.connect();
        try {
          await c.query(`CREATE DATABASE ${ident(name)}`);
        } finally {
          await c.end();
        }
        return urlOf(name);
      },
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
