// `npm run head-office`: the head office's service (with a command, e.g. `-- counters`, one of the
// administration commands of admin.ts instead). With DATABASE_URL it runs on that database;
// without one it starts a throwaway local PostgreSQL (head-office/db/local-postgres.ts), registers
// a demo counter and a demo console administrator, and prints the variables a counter needs to
// push to it and the console's address and sign-in. Migrations run at start;
// SIGTERM or SIGINT stop it gracefully: no new connections, requests under way finish, the pool
// closes (and the throwaway database is deleted).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import pino from 'pino';
import { runAdmin } from './admin';
import { headOfficeConfigFromEnv, HeadOfficeConfigError } from './config';
import { hashPassword } from './console/passwords';
import { registerCounter } from './counters';
import { upsertConsoleUser } from './db/console-users';
import { startLocalPostgres, type LocalPostgres } from './db/local-postgres';
import { migrate } from './db/migrate';
import { buildServer } from './server';

/** The throwaway database, if this process started one: deleted however start-up ends. */
let local: LocalPostgres | null = null;

async function main(): Promise<void> {
  let cfg;
  try {
    cfg = headOfficeConfigFromEnv(process.env);
  } catch (err) {
    if (!(err instanceof HeadOfficeConfigError)) throw err;
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
  const log = pino({ level: cfg.logLevel, base: { service: 'head-office' } });

  let databaseUrl = cfg.databaseUrl;
  let sealingKey = cfg.sealingKey;
  if (databaseUrl === null) {
    local = await startLocalPostgres();
    databaseUrl = local.url;
    // The demo's database lives as long as this process: so does the key sealing its secrets.
    sealingKey = randomBytes(32);
    log.warn({ databaseUrl, dir: local.dir }, 'no DATABASE_URL: running on a throwaway local PostgreSQL, deleted at exit');
  }

  const pool = new pg.Pool({ connectionString: databaseUrl, max: cfg.poolSize });
  // An idle connection the server drops (a restart, a failover) must not crash the service.
  pool.on('error', (err: Error & { code?: string }) => log.error({ code: err.code, message: err.message }, 'idle database connection failed'));
  const applied = await migrate(pool);
  log.info({ applied }, applied.length > 0 ? 'migrations applied' : 'schema up to date');

  const app = buildServer({ pool, sealingKey: sealingKey!, logger: log, leaseMs: cfg.leaseMs, timeZone: cfg.timeZone, currency: cfg.currency,
    trustProxy: cfg.trustProxy, secureCookies: cfg.secureCookies });
  const address = await app.listen({ host: cfg.host, port: cfg.port });
  log.info({ url: address }, 'head office listening');

  if (local) {
    const demo = await registerCounter(pool, sealingKey!, 'Demo counter');
    // The throwaway database's own administrator: its password lives and dies with it.
    const password = randomBytes(9).toString('base64url');
    await upsertConsoleUser(pool, { username: 'demo-admin', displayName: 'Demo admin', role: 'admin', password: await hashPassword(password) }, new Date());
    process.stdout.write(
      `\nDemo counter registered. Point a counter at this head office with:\n` +
        `  HEAD_OFFICE_URL=${address} HEAD_OFFICE_KEY=${demo.apiKey} HEAD_OFFICE_SECRET=${demo.apiSecret}\n` +
        `The web console: ${address}/console/  (sign in as demo-admin / ${password}, this throwaway database only)\n\n`,
    );
  }

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) {
      log.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    log.info({ signal }, 'stopping: finishing requests under way');
    try {
      await app.close();
      await pool.end();
      if (local) await local.stop();
      log.info('stopped');
      process.exit(0);
    } catch (err) {
      log.error({ err }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', (s) => void stop(s));
  process.on('SIGINT', (s) => void stop(s));
}

if (process.argv.length > 2) {
  // An administration command (head-office/admin.ts), not the service.
  void runAdmin(process.argv.slice(2)).then((code) => process.exit(code), (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
} else {
  main().catch(async (err: unknown) => {
    process.stderr.write(`head office failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
    await local?.stop().catch(() => undefined);
    process.exit(1);
  });
}
