// The counters table: every SQL statement about the counters that sign requests.
import type pg from 'pg';

export interface CounterRow {
  id: number;
  name: string;
  apiKey: string;
  secretSealed: string;
  revokedAt: Date | null;
  lastSeenAt: Date | null;
  appVersion: string | null;
  createdAt: Date;
  enrolledAt: Date | null;
  pendingSales: number | null;
  unknownSales: number | null;
  countsReportedAt: Date | null;
}

type Queryable = Pick<pg.Pool, 'query'>;

interface Raw {
  id: string;
  name: string;
  api_key: string;
  secret_sealed: string;
  revoked_at: Date | null;
  last_seen_at: Date | null;
  app_version: string | null;
  created_at: Date;
  enrolled_at: Date | null;
  pending_sales: number | null;
  unknown_sales: number | null;
  counts_reported_at: Date | null;
}

const COLUMNS = 'id, name, api_key, secret_sealed, revoked_at, last_seen_at, app_version, created_at, enrolled_at, pending_sales, unknown_sales, counts_reported_at';
const fromRaw = (r: Raw): CounterRow => ({
  id: Number(r.id), name: r.name, apiKey: r.api_key, secretSealed: r.secret_sealed,
  revokedAt: r.revoked_at, lastSeenAt: r.last_seen_at, appVersion: r.app_version, createdAt: r.created_at,
  enrolledAt: r.enrolled_at, pendingSales: r.pending_sales, unknownSales: r.unknown_sales, countsReportedAt: r.counts_reported_at,
});

export async function insertCounter(db: Queryable, c: { name: string; apiKey: string; secretSealed: string }): Promise<CounterRow> {
  const r = await db.query<Raw>(`INSERT INTO counters (name, api_key, secret_sealed) VALUES ($1, $2, $3) RETURNING ${COLUMNS}`, [c.name, c.apiKey, c.secretSealed]);
  return fromRaw(r.rows[0]!);
}

export async function counterById(db: Queryable, id: number): Promise<CounterRow | undefined> {
  const r = await db.query<Raw>(`SELECT ${COLUMNS} FROM counters WHERE id = $1`, [id]);
  return r.rows[0] ? fromRaw(r.rows[0]) : undefined;
}

export async function counterByApiKey(db: Queryable, apiKey: string): Promise<CounterRow | undefined> {
  const r = await db.query<Raw>(`SELECT ${COLUMNS} FROM counters WHERE api_key = $1`, [apiKey]);
  return r.rows[0] ? fromRaw(r.rows[0]) : undefined;
}

export async function listCounters(db: Queryable): Promise<CounterRow[]> {
  const r = await db.query<Raw>(`SELECT ${COLUMNS} FROM counters ORDER BY id`);
  return r.rows.map(fromRaw);
}

/**
 * A revocation, in the same statement, ends the counter's meter leases (released_by 'revoked', an
 * event each): it can never renew them. Another counter still gets such a lease only after its
 * expiry plus the skew margin (db/leases.ts): the revoked counter may be offline and vending.
 */
const REVOKE = (where: string) => `WITH c AS (UPDATE counters SET revoked_at = COALESCE(revoked_at, now()) WHERE ${where} RETURNING ${COLUMNS}),
  r AS (UPDATE meter_leases l SET released_at = now(), released_by = 'revoked' FROM c WHERE l.counter_id = c.id AND l.released_at IS NULL RETURNING l.meter, l.counter_id, l.generation),
  e AS (INSERT INTO lease_events (meter, counter_id, event, at, by, generation) SELECT meter, counter_id, 'released', now(), 'revoked', generation FROM r)
  SELECT * FROM c`;

/** Revokes once: a second revocation keeps the first time. */
export async function revokeCounter(db: Queryable, id: number): Promise<void> {
  await db.query(REVOKE('id = $1'), [id]);
}

/** Records that the counter was heard from, and the app version it said it runs (if it said). */
export async function touchCounter(db: Queryable, id: number, appVersion: string | null): Promise<void> {
  await db.query('UPDATE counters SET last_seen_at = now(), app_version = COALESCE($2, app_version) WHERE id = $1', [id, appVersion]);
}

/** Revokes the counter with this key (a second revocation keeps the first time); false: no such counter. */
export async function revokeCounterByApiKey(db: Queryable, apiKey: string): Promise<CounterRow | undefined> {
  const r = await db.query<Raw>(REVOKE('api_key = $1'), [apiKey]);
  return r.rows[0] ? fromRaw(r.rows[0]) : undefined;
}

/** What the counter said it holds: sales waiting in its outbox, and sales whose outcome it does not know. */
export async function reportCounts(db: Queryable, id: number, counts: { pendingSales: number; unknownSales: number }): Promise<void> {
  await db.query('UPDATE counters SET pending_sales = $2, unknown_sales = $3, counts_reported_at = now() WHERE id = $1', [id, counts.pendingSales, counts.unknownSales]);
}

/** The decimals the counter counts its money in, as it said with a push (the reports group its sales by them). */
export async function reportCurrencyDecimals(db: Queryable, id: number, decimals: number): Promise<void> {
  await db.query(`UPDATE counters SET currency_decimals = $2, currency_decimals_reported_at = now()
    WHERE id = $1 AND currency_decimals IS DISTINCT FROM $2`, [id, decimals]);
}

/**
 * Revokes the counter with this id (a second revocation keeps the first time), ending its leases
 * like every revocation; undefined: no such counter.
 */
export async function revokeCounterById(db: Queryable, id: number): Promise<CounterRow | undefined> {
  const r = await db.query<Raw>(REVOKE('id = $1'), [id]);
  return r.rows[0] ? fromRaw(r.rows[0]) : undefined;
}
