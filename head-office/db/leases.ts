// The meter_leases and lease_events tables: every SQL statement about which counter may vend a
// meter locally. A grant is ONE statement per meter (an upsert whose WHERE decides), so two
// counters asking at once are ordered by the row's lock and exactly one of them gets the lease;
// its event row is written by the same statement.
import type pg from 'pg';

type Queryable = Pick<pg.Pool, 'query'>;

export interface LeaseHolder {
  counterId: number;
  counterName: string;
  counterKey: string;
  grantedAt: Date;
  renewedAt: Date;
  expiresAt: Date;
  releasedAt: Date | null;
  releasedBy: string | null;
  /** Bumped by every grant and renewal; a release names the generation it gives back. */
  generation: number;
  /** The vending key the lease's decoder key was derived from (null: before this was recorded). */
  vendingKeyId: number | null;
}

export interface LeaseRow extends LeaseHolder {
  meter: string;
}

interface Raw {
  meter: string; counter_id: string; counter_name: string; counter_key: string; granted_at: Date; renewed_at: Date; expires_at: Date;
  released_at: Date | null; released_by: string | null; generation: string; vending_key_id: string | null;
}
const fromRaw = (r: Raw): LeaseRow => ({
  meter: r.meter, counterId: Number(r.counter_id), counterName: r.counter_name, counterKey: r.counter_key, grantedAt: r.granted_at, renewedAt: r.renewed_at,
  expiresAt: r.expires_at, releasedAt: r.released_at, releasedBy: r.released_by,
  generation: Number(r.generation), vendingKeyId: r.vending_key_id === null ? null : Number(r.vending_key_id),
});
const SELECT = `SELECT l.meter, l.counter_id, c.name AS counter_name, c.api_key AS counter_key, l.granted_at, l.renewed_at, l.expires_at, l.released_at, l.released_by,
  l.generation, l.vending_key_id
  FROM meter_leases l JOIN counters c ON c.id = l.counter_id`;

export type GrantResult =
  | { granted: true; event: 'granted' | 'renewed'; grantedAt: Date; expiresAt: Date; generation: number }
  | { granted: false; holder: LeaseRow };

/**
 * Grants or renews the meter's lease to the counter, until at + leaseMs (or `notAfter`, the end of
 * its vending key's last day, if sooner), when the counter holds it already (not released), or its
 * holder gave it back itself, or its holder's expiry plus `marginMs` has passed (a clock-skew
 * allowance: the holder stops using it earlier, by its own clock). Otherwise the lease is refused
 * and its holder returned. A lease ended by anyone but its holder (revocation, an operator) still
 * waits for expiry plus margin: the holder may be offline and vending with it until then. A release
 * followed by a new grant starts a new tenure. Every grant and renewal bumps the generation.
 */
export async function grantLease(db: Queryable, g: {
  meter: string; counterId: number; at: Date; leaseMs: number; marginMs: number; vendingKeyId?: number | null; notAfter?: Date | null;
}): Promise<GrantResult> {
  const full = g.at.getTime() + g.leaseMs;
  const expires = new Date(g.notAfter ? Math.min(full, g.notAfter.getTime()) : full);
  const r = await db.query<{ granted_at: Date; expires_at: Date; fresh: boolean; generation: string }>(
    `WITH g AS (
       INSERT INTO meter_leases AS l (meter, counter_id, granted_at, renewed_at, expires_at, generation, vending_key_id)
       VALUES ($1, $2, $3, $3, $4, 1, $6)
       ON CONFLICT (meter) DO UPDATE SET
         granted_at = CASE WHEN l.counter_id = EXCLUDED.counter_id AND l.released_at IS NULL THEN l.granted_at ELSE EXCLUDED.granted_at END,
         counter_id = EXCLUDED.counter_id, renewed_at = EXCLUDED.renewed_at,
         -- A renewal never shortens a lease the counter may already be relying on (its answer may
         -- have been lost), even when the vending key changed: one holder matters more than the cap.
         expires_at = CASE WHEN l.counter_id = EXCLUDED.counter_id AND l.released_at IS NULL THEN GREATEST(l.expires_at, EXCLUDED.expires_at) ELSE EXCLUDED.expires_at END,
         released_at = NULL, released_by = NULL,
         generation = l.generation + 1, vending_key_id = EXCLUDED.vending_key_id
       WHERE (l.counter_id = EXCLUDED.counter_id AND l.released_at IS NULL)
          OR l.released_by = 'counter'
          OR l.expires_at + $5 * interval '1 millisecond' <= EXCLUDED.renewed_at
       RETURNING l.meter, l.counter_id, l.granted_at, l.expires_at, l.generation, l.granted_at = $3 AS fresh
     ), e AS (
       INSERT INTO lease_events (meter, counter_id, event, at, expires_at, by, generation)
       SELECT meter, counter_id, CASE WHEN fresh THEN 'granted' ELSE 'renewed' END, $3, expires_at, 'counter', generation FROM g
     )
     SELECT granted_at, expires_at, fresh, generation FROM g`,
    [g.meter, g.counterId, g.at, expires, g.marginMs, g.vendingKeyId ?? null],
  );
  const row = r.rows[0];
  if (row) return { granted: true, event: row.fresh ? 'granted' : 'renewed', grantedAt: row.granted_at, expiresAt: row.expires_at, generation: Number(row.generation) };
  const holder = await leaseOf(db, g.meter);
  // The row exists (the upsert conflicted) and is held by another counter.
  return { granted: false, holder: holder! };
}

export async function leaseOf(db: Queryable, meter: string): Promise<LeaseRow | undefined> {
  const r = await db.query<Raw>(`${SELECT} WHERE l.meter = $1`, [meter]);
  return r.rows[0] ? fromRaw(r.rows[0]) : undefined;
}

/**
 * Releases those of the leases this counter holds AT the generation named; the meters released.
 * A release naming an older generation (it arrived after a renewal: slow, retried, replayed) or a
 * meter this counter does not hold changes nothing.
 */
export async function releaseLeases(db: Queryable, counterId: number, leases: readonly { meter: string; generation: number }[], at: Date, by: string): Promise<string[]> {
  const r = await db.query<{ meter: string }>(
    `WITH x AS (SELECT * FROM unnest($2::text[], $5::bigint[]) AS x (meter, generation)),
     r AS (
       UPDATE meter_leases l SET released_at = $3, released_by = $4 FROM x
       WHERE l.counter_id = $1 AND l.meter = x.meter AND l.generation = x.generation AND l.released_at IS NULL
       RETURNING l.meter, l.counter_id, l.generation
     ), e AS (INSERT INTO lease_events (meter, counter_id, event, at, by, generation) SELECT meter, counter_id, 'released', $3, $4, generation FROM r)
     SELECT meter FROM r ORDER BY meter`,
    [counterId, leases.map((l) => l.meter), at, by, leases.map((l) => l.generation)],
  );
  return r.rows.map((x) => x.meter);
}

/**
 * An operator's release: only of a lease that has EXPIRED (by the head office's clock). Before its
 * expiry the counter holding it may be offline and still vending with it, and nothing can reach
 * it to stop; so an unexpired lease is never released by hand. The lease as it stands afterwards.
 */
export async function releaseExpiredLease(db: Queryable, meter: string, at: Date, by: string): Promise<{ released: boolean; lease: LeaseRow | undefined }> {
  const r = await db.query<{ meter: string }>(
    `WITH r AS (
       UPDATE meter_leases SET released_at = $2, released_by = $3 WHERE meter = $1 AND released_at IS NULL AND expires_at <= $2 RETURNING meter, counter_id, generation
     ), e AS (INSERT INTO lease_events (meter, counter_id, event, at, by, generation) SELECT meter, counter_id, 'released', $2, $3, generation FROM r)
     SELECT meter FROM r`,
    [meter, at, by],
  );
  return { released: r.rows.length === 1, lease: await leaseOf(db, meter) };
}

/** Where a page of leases ended: the last row's renewal (microseconds since 1970, exact) and meter. */
export interface LeaseCursor { renewedMicros: string; meter: string }

export interface ListedLease extends LeaseRow { cursor: LeaseCursor }

/**
 * A page of leases (all, one counter's, or one meter's), newest renewal first, after `after`. The
 * order (renewed_at, meter) is unique, so a keyset cursor on it never skips nor repeats a lease
 * renewed while someone pages (a renewed lease moves to the front, seen on the next first page).
 */
export async function listLeases(db: Queryable, opts: { meter?: string; counterId?: number; after?: LeaseCursor; limit: number }): Promise<ListedLease[]> {
  const r = await db.query<Raw & { renewed_us: string }>(
    `SELECT l.meter, l.counter_id, c.name AS counter_name, c.api_key AS counter_key, l.granted_at, l.renewed_at, l.expires_at, l.released_at, l.released_by,
            l.generation, l.vending_key_id, (extract(epoch FROM l.renewed_at) * 1000000)::bigint::text AS renewed_us
       FROM meter_leases l JOIN counters c ON c.id = l.counter_id
      WHERE ($1::text IS NULL OR l.meter = $1)
        AND ($2::bigint IS NULL OR l.counter_id = $2)
        AND ($3::bigint IS NULL OR (l.renewed_at, l.meter) < (to_timestamp(0) + $3::bigint * interval '1 microsecond', $4::text))
      ORDER BY l.renewed_at DESC, l.meter DESC
      LIMIT $5`,
    [opts.meter ?? null, opts.counterId ?? null, opts.after?.renewedMicros ?? null, opts.after?.meter ?? null, opts.limit],
  );
  return r.rows.map((x) => ({ ...fromRaw(x), cursor: { renewedMicros: x.renewed_us, meter: x.meter } }));
}

export interface LeaseEvent { meter: string; counterName: string; event: 'granted' | 'renewed' | 'released'; at: Date; expiresAt: Date | null; by: string }

/** Who held the meter when: its lease events in order. */
export async function leaseEvents(db: Queryable, meter: string, limit: number): Promise<LeaseEvent[]> {
  const r = await db.query<{ meter: string; counter_name: string; event: LeaseEvent['event']; at: Date; expires_at: Date | null; by: string }>(
    `SELECT e.meter, c.name AS counter_name, e.event, e.at, e.expires_at, e.by FROM lease_events e JOIN counters c ON c.id = e.counter_id
     WHERE e.meter = $1 ORDER BY e.id DESC LIMIT $2`,
    [meter, limit],
  );
  return r.rows.map((x) => ({ meter: x.meter, counterName: x.counter_name, event: x.event, at: x.at, expiresAt: x.expires_at, by: x.by }));
}
