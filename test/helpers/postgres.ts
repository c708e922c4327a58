// A real PostgreSQL for the integration tests: one throwaway cluster per test file (the head
// office's own starting code, head-office/db/local-postgres.ts), stopped and deleted after the
// file's tests whether they pass or fail, and a fresh empty database for each test that asks.
// Needs Debian's postgresql package (.ci/run installs it).
import { afterAll, beforeAll } from 'vitest';
import { startLocalPostgres, type LocalPostgres } from '../../head-office/db/local-postgres';

export interface TestPostgres {
  /** The cluster (started by the file's beforeAll). */
  cluster(): LocalPostgres;
  /** A new empty database on the cluster; its URL. */
  freshDatabase(): Promise<string>;
}

export function usePostgres(): TestPostgres {
  let pg: LocalPostgres | null = null;
  let n = 0;
  beforeAll(async () => {
    pg = await startLocalPostgres({ database: 'unused' });
  }, 60_000);
  afterAll(async () => {
    await pg?.stop();
  });
  const cluster = () => {
    if (!pg) throw new Error('usePostgres(): the cluster is not started (call it at the top of the test file)');
    return pg;
  };
  return { cluster, freshDatabase: () => cluster().createDatabase(`t${++n}_${process.pid}`) };
}
