// Dead letters as the counters report them: one row per counter and outbox message, its latest
// reported state kept by one INSERT ... ON CONFLICT whose update only takes a report at least as
// recent as the one stored.
import type pg from 'pg';
import type { PushDeadLetterRequest } from '../../main/vendors/head-office/wire';

type Queryable = Pick<pg.Pool, 'query'>;

export async function storeDeadLetter(db: Queryable, counterId: number, d: PushDeadLetterRequest): Promise<'new' | 'updated' | 'older'> {
  const r = await db.query<{ inserted: boolean }>(
    `INSERT INTO dead_letters (counter_id, outbox_id, topic, key, sale_id, code, message, dead_at, state, resolution, resolved_at, reported_at, received_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, clock_timestamp())
     ON CONFLICT (counter_id, outbox_id) DO UPDATE
       SET state = EXCLUDED.state, resolution = EXCLUDED.resolution, resolved_at = EXCLUDED.resolved_at, code = EXCLUDED.code,
           message = EXCLUDED.message, dead_at = EXCLUDED.dead_at, reported_at = EXCLUDED.reported_at, received_at = EXCLUDED.received_at
       WHERE EXCLUDED.reported_at >= dead_letters.reported_at
     RETURNING (xmax = 0) AS inserted`,
    [counterId, d.outboxId, d.topic, d.key, d.saleId, d.code, JSON.stringify(d.message), d.deadAt, d.state, d.resolution, d.resolvedAt, d.at],
  );
  if (r.rows.length === 0) return 'older';
  return r.rows[0]!.inserted ? 'new' : 'updated';
}
