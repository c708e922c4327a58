// The master_data table: every SQL statement about the records the head office owns and the
// counters pull (migration 0005).
import type pg from 'pg';
import type { MasterEntity } from '../../main/vendors/head-office/master-data-wire';

type Queryable = Pick<pg.Pool, 'query'>;

/**
 * Every master-data writer holds this transaction-scoped advisory lock before taking a version,
 * so versions commit in the order they are taken (see 0005_master_data.sql). Writes are an
 * office's edits and imports, never the counters' traffic: serialising them costs nothing.
 */
const VERSION_LOCK = 0x5348_4d44; // "SHMD"

export interface MasterWrite {
  entity: MasterEntity;
  key: string;
  /** Only this counter receives it (a counter's users); null: every counter. */
  counterId: number | null;
  /** The record's new state (already validated against its wire schema); null deletes it. */
  data: unknown;
}

export interface MasterRow {
  entity: MasterEntity;
  key: string;
  counterId: number | null;
  data: unknown;
  version: number;
  updatedAt: Date;
  updatedBy: string;
}

interface Raw { entity: MasterEntity; key: string; counter_id: string | null; data: unknown; version: string; updated_at: Date; updated_by: string }
const fromRaw = (r: Raw): MasterRow => ({
  entity: r.entity, key: r.key, counterId: r.counter_id === null ? null : Number(r.counter_id), data: r.data,
  version: Number(r.version), updatedAt: r.updated_at, updatedBy: r.updated_by,
});

/** A client inside a master-data transaction, holding the version lock. */
export type MasterTx = Pick<pg.PoolClient, 'query'>;

/**
 * Runs `fn` in one transaction holding the version lock: checks made inside it (does the schedule
 * a meter names exist?) see exactly what the writes that follow will be judged against, since no
 * other writer can commit in between.
 */
export async function withMasterLock<T>(pool: pg.Pool, fn: (tx: MasterTx) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [VERSION_LOCK]);
    const out = await fn(client);
    await client.query('COMMIT');
    return out;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/**
 * Writes the records inside a withMasterLock transaction, each under a new version in the order
 * given; a write that leaves a record as it was (same data, same counter) takes no version, so a
 * repeated import sends the counters nothing. Returns the rows as written (unchanged ones as they stand).
 */
export async function writeMasterRows(tx: MasterTx, writes: readonly MasterWrite[], by: string): Promise<MasterRow[]> {
  const out: MasterRow[] = [];
  for (const w of writes) {
    const data = w.data === null ? null : JSON.stringify(w.data);
    // IS DISTINCT FROM compares jsonb by value (key order and spacing do not count).
    const r = await tx.query<Raw>(
      `INSERT INTO master_data AS m (entity, key, counter_id, data, version, updated_at, updated_by)
       VALUES ($1, $2, $3, $4::jsonb, nextval('master_data_version'), now(), $5)
       ON CONFLICT (entity, key) DO UPDATE SET counter_id = EXCLUDED.counter_id, data = EXCLUDED.data,
         version = EXCLUDED.version, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
       WHERE m.data IS DISTINCT FROM EXCLUDED.data OR m.counter_id IS DISTINCT FROM EXCLUDED.counter_id
       RETURNING entity, key, counter_id, data, version, updated_at, updated_by`,
      [w.entity, w.key, w.counterId, data, by],
    );
    // A row that did not change still consumed a sequence value: gaps are harmless, order is what counts.
    const row = r.rows[0] ?? (await tx.query<Raw>('SELECT * FROM master_data WHERE entity = $1 AND key = $2', [w.entity, w.key])).rows[0];
    if (row) out.push(fromRaw(row));
  }
  return out;
}

/** writeMasterRows in a transaction of its own (no checks beyond the table's). */
export function writeMasterData(pool: pg.Pool, writes: readonly MasterWrite[], by: string): Promise<MasterRow[]> {
  return withMasterLock(pool, (tx) => writeMasterRows(tx, writes, by));
}

/** The live (not deleted) records of `entity` whose data field `field` equals `value`: the references to a record. */
export async function masterReferrers(db: Queryable, entity: MasterEntity, field: string, value: string, limit = 5): Promise<string[]> {
  const r = await db.query<{ key: string }>(
    `SELECT key FROM master_data WHERE entity = $1 AND data IS NOT NULL AND data->>$2 = $3 ORDER BY key LIMIT $4`,
    [entity, field, value, limit],
  );
  return r.rows.map((x) => x.key);
}

/** Whether a live version of schedule `code` exists (keys "code@version"). */
export async function liveScheduleVersions(db: Queryable, code: string): Promise<string[]> {
  const r = await db.query<{ key: string }>(
    `SELECT key FROM master_data WHERE entity = 'tariff_schedule' AND data IS NOT NULL AND data->>'code' = $1 ORDER BY version`, [code]);
  return r.rows.map((x) => x.key);
}

/** What the console's lists may narrow a page to; every filter optional. */
export interface MasterListFilter {
  after: string | null;
  limit: number;
  includeDeleted: boolean;
  counterId?: number;
  /** Text anywhere in the key or the record's names (a meter: its number, or its customer's key, name or phone). */
  text?: string;
  /** Meters only. */
  kind?: 'sts' | 'acrel';
  /** Meters only: the schedule or group code it is priced by. */
  tariff?: string;
  /** Meters and users. */
  active?: boolean;
}

/** A listed record; a meter carries its customer's names so a page needs no second request. */
export interface MasterListRow extends MasterRow {
  customer: { nameAr: string; nameLatin: string | null } | null;
}

const likeEscaped = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * A page of one entity's records for the console, in key order after `after` (a keyset cursor:
 * the primary key's index walks from there, so page 2,000 costs what page 1 does). The filters
 * are checked on the rows the walk meets; a text that matches few of 100,000 meters reads them all
 * once (measured in test/integration/head-office/master-data-list.test.ts).
 */
export async function listMasterRecords(db: Queryable, entity: MasterEntity, o: MasterListFilter): Promise<MasterListRow[]> {
  const like = o.text ? likeEscaped(o.text) : null;
  const r = await db.query<Raw & { customer: { nameAr: string; nameLatin: string | null } | null }>(
    `SELECT m.entity, m.key, m.counter_id, m.data, m.version, m.updated_at, m.updated_by,
            CASE WHEN c.data IS NULL THEN NULL ELSE jsonb_build_object('nameAr', c.data->>'nameAr', 'nameLatin', c.data->>'nameLatin') END AS customer
     FROM master_data m
     LEFT JOIN master_data c ON m.entity = 'meter' AND c.entity = 'customer' AND c.key = m.data->>'customerKey' AND c.data IS NOT NULL
     WHERE m.entity = $1 AND m.key > $2 AND ($3 OR m.data IS NOT NULL) AND ($4::bigint IS NULL OR m.counter_id = $4)
       AND ($6::text IS NULL OR m.data->>'kind' = $6)
       AND ($7::text IS NULL OR m.data->>'scheduleCode' = $7 OR m.data->>'groupCode' = $7)
       AND ($8::boolean IS NULL OR (m.data->>'active')::boolean = $8)
       AND ($9::text IS NULL OR m.key ILIKE $9
         OR (m.entity = 'meter' AND (m.data->>'customerKey' ILIKE $9 OR c.data->>'nameAr' ILIKE $9 OR c.data->>'nameLatin' ILIKE $9 OR c.data->>'phone' ILIKE $9))
         OR (m.entity = 'customer' AND (m.data->>'nameAr' ILIKE $9 OR m.data->>'nameLatin' ILIKE $9 OR m.data->>'phone' ILIKE $9))
         OR (m.entity = 'user' AND m.data->>'displayName' ILIKE $9)
         OR (m.entity IN ('tariff_schedule', 'tariff_group') AND (m.data->'name'->>'ar' ILIKE $9 OR m.data->'name'->>'en' ILIKE $9)))
     ORDER BY m.key LIMIT $5`,
    [entity, o.after ?? '', o.includeDeleted, o.counterId ?? null, o.limit, o.kind ?? null, o.tariff ?? null, o.active ?? null, like],
  );
  return r.rows.map((x) => ({ ...fromRaw(x), customer: x.customer }));
}

/** The changes a counter receives after `after`, in version order: records for every counter and its own. */
export async function pullMasterData(db: Queryable, counterId: number, after: number, limit: number): Promise<MasterRow[]> {
  const r = await db.query<Raw>(
    `SELECT entity, key, counter_id, data, version, updated_at, updated_by FROM master_data
     WHERE version > $2 AND (counter_id IS NULL OR counter_id = $1) ORDER BY version LIMIT $3`,
    [counterId, after, limit],
  );
  return r.rows.map(fromRaw);
}

export async function masterRecord(db: Queryable, entity: MasterEntity, key: string): Promise<MasterRow | undefined> {
  const r = await db.query<Raw>('SELECT entity, key, counter_id, data, version, updated_at, updated_by FROM master_data WHERE entity = $1 AND key = $2', [entity, key]);
  return r.rows[0] ? fromRaw(r.rows[0]) : undefined;
}

/** The latest version any record carries (0: none yet). */
export async function latestMasterVersion(db: Queryable): Promise<number> {
  const r = await db.query<{ v: string | null }>('SELECT MAX(version) AS v FROM master_data');
  return Number(r.rows[0]?.v ?? 0);
}

/** A counter's revocation state: undefined when there is no such counter. */
export async function counterRevokedAt(db: Queryable, counterId: number): Promise<{ revokedAt: Date | null } | undefined> {
  const r = await db.query<{ revoked_at: Date | null }>('SELECT revoked_at FROM counters WHERE id = $1', [counterId]);
  return r.rows[0] ? { revokedAt: r.rows[0].revoked_at } : undefined;
}
