// The master-data versions a counter's cursor relies on: every change gets a higher version, an
// unchanged record takes none, a counter sees the shared records and only its own users, and a
// reader racing many concurrent writers never skips a change it has not seen.
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { registerCounter } from '../../../head-office/counters';
import { migrate } from '../../../head-office/db/migrate';
import { latestMasterVersion, masterRecord, pullMasterData, writeMasterData } from '../../../head-office/db/master-data';
import { usePostgres } from '../../helpers/postgres';

const postgres = usePostgres();
const pools: pg.Pool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.end()));
});

async function database(max = 4): Promise<pg.Pool> {
  const pool = new pg.Pool({ connectionString: await postgres.freshDatabase(), max });
  pools.push(pool);
  await migrate(pool);
  return pool;
}

const group = (code: string, ar = 'سكني') => ({ code, name: { ar, en: 'Residential' }, scheduleCode: 'RES' });

describe('master-data versions', () => {
  it('versions each change, skips a write that changes nothing, keeps deletions as tombstones', async () => {
    const pool = await database();
    const [a, b] = await writeMasterData(pool, [
      { entity: 'tariff_group', key: 'RES', counterId: null, data: group('RES') },
      { entity: 'tariff_group', key: 'COM', counterId: null, data: group('COM') },
    ], 'admin');
    expect(b!.version).toBeGreaterThan(a!.version);
    // The same data again (keys in another order): no new version.
    const [same] = await writeMasterData(pool, [{ entity: 'tariff_group', key: 'RES', counterId: null, data: { scheduleCode: 'RES', name: { en: 'Residential', ar: 'سكني' }, code: 'RES' } }], 'admin');
    expect(same!.version).toBe(a!.version);
    expect(await latestMasterVersion(pool)).toBe(b!.version);
    const [changed] = await writeMasterData(pool, [{ entity: 'tariff_group', key: 'RES', counterId: null, data: group('RES', 'منزلي') }], 'office');
    expect(changed!.version).toBeGreaterThan(b!.version);
    const [deleted] = await writeMasterData(pool, [{ entity: 'tariff_group', key: 'COM', counterId: null, data: null }], 'office');
    expect(deleted).toMatchObject({ data: null, updatedBy: 'office' });
    expect(deleted!.version).toBeGreaterThan(changed!.version);
    expect((await masterRecord(pool, 'tariff_group', 'COM'))?.data).toBeNull();
    // After the first cursor: each record once, with its latest state, in version order.
    const page = await pullMasterData(pool, 1, a!.version, 100);
    expect(page.map((r) => [r.key, r.data === null])).toEqual([['RES', false], ['COM', true]]);
  });

  it("gives a counter the shared records and its own users, never another counter's", async () => {
    const pool = await database();
    const c1 = await registerCounter(pool, Buffer.alloc(32, 1), 'Counter 1');
    const c2 = await registerCounter(pool, Buffer.alloc(32, 1), 'Counter 2');
    const user = { username: 'amal', displayName: 'أمل', role: 'cashier', locale: 'ar', pinHash: 'scrypt$placeholder-hash-for-test', active: true };
    await writeMasterData(pool, [
      { entity: 'tariff_group', key: 'RES', counterId: null, data: group('RES') },
      { entity: 'user', key: `amal@${c1.id}`, counterId: c1.id, data: user },
      { entity: 'user', key: `amal@${c2.id}`, counterId: c2.id, data: { ...user, displayName: 'Amal' } },
    ], 'admin');
    const seen1 = await pullMasterData(pool, c1.id, 0, 100);
    const seen2 = await pullMasterData(pool, c2.id, 0, 100);
    expect(seen1.map((r) => r.key)).toEqual(['RES', `amal@${c1.id}`]);
    expect(seen2.map((r) => r.key)).toEqual(['RES', `amal@${c2.id}`]);
  });

  it('a reader following its cursor while writers race misses no change', async () => {
    const pool = await database(12);
    const writers = 8;
    const perWriter = 40;
    let done = false;
    const writing = Promise.all(Array.from({ length: writers }, async (_, w) => {
      for (let i = 0; i < perWriter; i++) {
        await writeMasterData(pool, [{ entity: 'tariff_group', key: `G${w}-${i}`, counterId: null, data: group(`G${w}-${i}`) }], `writer${w}`);
      }
    })).finally(() => { done = true; });
    const seen = new Set<string>();
    let cursor = 0;
    // Pull as a counter would, in small pages, until the writers are done and nothing is left.
    for (;;) {
      const finished = done;
      const page = await pullMasterData(pool, 1, cursor, 7);
      for (const r of page) {
        expect(r.version).toBeGreaterThan(cursor);
        cursor = r.version;
        seen.add(r.key);
      }
      if (finished && page.length === 0) break;
    }
    await writing;
    // Every record was first written once and never changed, so a skipped version would be a key never seen.
    expect(seen.size).toBe(writers * perWriter);
  });
});
