// The head office under test: `npm run head-office`'s own entry point (head-office/main.ts) in a
// child process, on a migrated database, with counters registered as an admin registers them.
// A process of its own, as a utility runs it: its event loop is not shared with the 50 simulated
// counters' signing and JSON, nor with the proxy, so what is measured is the service.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import readline from 'node:readline';
import pg from 'pg';
import { registerCounter, type NewCounter } from '../../../head-office/counters';
import { migrate } from '../../../head-office/db/migrate';

const MAIN = path.join(__dirname, '..', '..', '..', 'head-office', 'main.ts');

export interface ServiceUnderTest {
  url: string;
  /** The bench's own connections to the same database (registration, the ledger check, the baseline). */
  pool: pg.Pool;
  counters: NewCounter[];
  /** SIGTERM (graceful shutdown), then closes the bench's pool. */
  stop(): Promise<void>;
}

export async function startService(databaseUrl: string, o: { counters: number; poolSize: number }): Promise<ServiceUnderTest> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: o.poolSize });
  await migrate(pool);
  const sealingKey = randomBytes(32);
  const counters: NewCounter[] = [];
  for (let i = 1; i <= o.counters; i++) counters.push(await registerCounter(pool, sealingKey, `Bench counter ${i}`));

  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      HEAD_OFFICE_SEALING_KEY: sealingKey.toString('base64'),
      HEAD_OFFICE_PORT: '0',
      HEAD_OFFICE_DB_POOL_SIZE: String(o.poolSize),
      // Its production default: a line per request is part of what the service costs.
      HEAD_OFFICE_LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail: string[] = [];
  const exited = new Promise<string>((r) => child.once('exit', (code, signal) => r(String(signal ?? code))));
  child.stderr!.on('data', (d: Buffer) => tail.push(d.toString('utf8')));
  const url = await new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      tail.push(line);
      if (tail.length > 50) tail.shift();
      try {
        const j = JSON.parse(line) as { msg?: string; url?: string };
        if (j.msg === 'head office listening' && j.url) resolve(j.url);
      } catch {
        // not a log line
      }
    });
    void exited.then((how) => reject(new Error(`head office exited (${how}) before listening:\n${tail.join('\n')}`)));
  });
  return {
    url,
    pool,
    counters,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      await pool.end();
    },
  };
}
