// `npm run demo -- --head-office`: the real head office (head-office/) on a throwaway local
// PostgreSQL instead of the in-memory simulator, with the demo counter registered on it and the
// demo's tariffs, customers and meters (and one user) as its master data: the counter runs
// enrolled (SHAHN_MASTER_DATA=head-office) and its screens of that data are read-only. Needs
// PostgreSQL's server binaries (Debian: apt-get install postgresql); everything is deleted at exit.
// Its web console (/console/, built by `npm run build:console`) gets a demo administrator whose
// password is made here, for this throwaway database only. The demo supply group's vending key
// (the STS test key) is loaded the way an office loads a real one (a key file, sealed with this
// run's sealing key), so the counter leases the meters it sells and vends them offline under
// their leases.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { hashPassword } from '../head-office/console/passwords';
import { registerCounter } from '../head-office/counters';
import { upsertConsoleUser } from '../head-office/db/console-users';
import { startLocalPostgres } from '../head-office/db/local-postgres';
import { migrate } from '../head-office/db/migrate';
import { buildServer } from '../head-office/server';
import { applyMasterEdits } from '../head-office/master-data/edits';
import { editsOfImport } from '../head-office/master-data/import-doc';
import { loadVendingKeyFile } from '../head-office/leases/vending-keys';
import { DEMO_STS_KEYS } from '../test/sim/demo-data';
import { demoMasterImport } from './demo-master-data';

export interface DemoHeadOffice {
  url: string;
  databaseUrl: string;
  /** HEAD_OFFICE_URL, _KEY and _SECRET of the demo counter. */
  env: Record<string, string>;
  /** The web console, and the demo administrator to sign in with. */
  consoleUrl: string;
  consoleAdmin: { username: string; password: string };
  /** The demo supply group's key at the head office: its SGC, KRN and check value. */
  vendingKey: { sgc: string; krn: number; kcv: string };
  close(): Promise<void>;
}

/** The demo supply group's key file (the format of main/keys/key-file.ts), with labels replaced by `over`. */
export const demoKeyFile = (over: Record<string, string> = {}): string => Object.entries({
  SGC: DEMO_STS_KEYS.sgc, KRN: String(DEMO_STS_KEYS.krn), KEY_TYPE: String(DEMO_STS_KEYS.keyType), BASE_DATE: String(DEMO_STS_KEYS.baseDate),
  EA: DEMO_STS_KEYS.ea, DKGA: DEMO_STS_KEYS.dkga, VENDING_KEY: DEMO_STS_KEYS.vendingKey, ...over,
}).map(([k, v]) => `${k} = ${v}`).join('\n');

export const DEMO_CONSOLE_ADMIN = 'demo-admin';

export async function startDemoHeadOffice(opts: { webDir?: string } = {}): Promise<DemoHeadOffice> {
  const local = await startLocalPostgres();
  const pool = new pg.Pool({ connectionString: local.url, max: 10 });
  try {
    await migrate(pool);
    const sealingKey = randomBytes(32);
    const app = buildServer({ pool, sealingKey, logger: { level: 'warn' }, console: { webDir: opts.webDir } });
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    const counter = await registerCounter(pool, sealingKey, 'Counter 1');
    await applyMasterEdits(pool, editsOfImport(demoMasterImport(counter.id)), 'demo');
    const key = await loadVendingKeyFile(pool, sealingKey, demoKeyFile(), { by: 'demo', replace: false, now: new Date() });
    // Random each run: the database lives only as long as the demo, and so does its password.
    const password = randomBytes(9).toString('base64url');
    await upsertConsoleUser(pool, { username: DEMO_CONSOLE_ADMIN, displayName: 'Demo admin', role: 'admin', password: await hashPassword(password) }, new Date());
    return {
      url,
      databaseUrl: local.url,
      env: { HEAD_OFFICE_URL: url, HEAD_OFFICE_KEY: counter.apiKey, HEAD_OFFICE_SECRET: counter.apiSecret, SHAHN_MASTER_DATA: 'head-office' },
      consoleUrl: `${url}/console/`,
      consoleAdmin: { username: DEMO_CONSOLE_ADMIN, password },
      vendingKey: { sgc: key.row.sgc, krn: key.row.krn, kcv: key.row.kcv },
      async close() {
        await app.close();
        await pool.end();
        await local.stop();
      },
    };
  } catch (e) {
    await pool.end();
    await local.stop();
    throw e;
  }
}
