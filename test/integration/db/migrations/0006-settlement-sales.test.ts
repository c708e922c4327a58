// Migration 0006 REBUILDS two tables (sales, meter_commands: create new, copy, drop, rename, with
// foreign keys off) and moves waiting 'acrel.command' outbox messages onto the meter_commands path.
// A rebuild is where data is lost silently: a column left out of the copy comes back NULL or as
// its default, two columns listed in a different order swap values, and nothing errors. So every
// old sale and command is compared column by column, with its SQLite type, against the snapshot.
// test/integration/db/migrations.test.ts already checks one setCreditLimit move and the settlement
// CHECK on a one-sale database; this file checks the whole history and the other kinds of move.
import { describe, expect, it } from 'vitest';
import { applyMigration, at, expectSurvived, historyAt, METER, row, rows, snapshot, USER, type Row } from '../../../helpers/migration-kit';

const SETTLEMENT_ID = 'f00d0000-0006-4000-8000-000000000001';

/** A 0005 counter with history, plus old-topic meter commands in every situation the move sees. */
function version5() {
  const db = historyAt(5);
  const cmd = db.prepare(`INSERT INTO outbox (id, topic, key, payload_json, status, attempts, next_attempt_at, last_error, created_at, order_key)
    VALUES (?, 'acrel.command', ?, ?, ?, ?, ?, ?, ?, ?)`);
  // Waiting: moves, in this per-meter order (after recharge 4 on the same meter).
  cmd.run(10, 'k-disc-1', JSON.stringify({ meterNumber: METER.acrel1, op: 'disconnectMeter', reason: 'debt over limit' }), 'pending', 2, at(3, 40), 'HTTP 503', at(3, 39), `meter:${METER.acrel1}`);
  cmd.run(11, 'k-tariff-1', JSON.stringify({ meterNumber: METER.acrel2, op: 'setTariffSchedule', code: 'COM', version: 1,
    periods: [{ startMinute: 0, endMinute: 1440, pricePerKwh: '180.25' }] }), 'pending', 0, at(3, 41), null, at(3, 41), `meter:${METER.acrel2}`);
  // Delivered, dead, or for a meter this counter no longer has: stay exactly as they were.
  cmd.run(12, 'k-prepaid-done', JSON.stringify({ meterNumber: METER.acrel1, op: 'setPrepaidMode' }), 'done', 1, at(2, 1), null, at(2, 1), `meter:${METER.acrel1}`);
  cmd.run(13, 'k-post-dead', JSON.stringify({ meterNumber: METER.acrel2, op: 'setPostpaidMode' }), 'dead', 7, at(2, 2), 'HTTP 400 bad meter', at(2, 2), `meter:${METER.acrel2}`);
  cmd.run(14, 'k-gone-meter', JSON.stringify({ meterNumber: '202400000777', op: 'reconnectMeter' }), 'pending', 0, at(3, 42), null, at(3, 42), 'meter:202400000777');
  return db;
}

const moved = (r: Row) => r.topic === 'acrel.command' && r.status === 'pending' && r.key !== 'k-gone-meter';

describe('migration 0006 (settlement sales) on a 0005 database with history', () => {
  it('copies every sale and meter command unchanged and keeps every other row', () => {
    const db = version5();
    const before = snapshot(db);
    applyMigration(db, 6);
    expectSurvived(db, before, { rewritten: { outbox: moved }, grows: ['meter_commands'] });
    // Spelled out for the table that matters most: the money of each sale, to the minor unit.
    expect(rows(db, 'SELECT receipt_no, product, status, amount_minor, tendered_minor, charged_minor, change_minor, value_minor, token, sts_tid FROM sales ORDER BY receipt_no'))
      .toEqual(before.sales!.rows.map((s) => ({ receipt_no: s.receipt_no, product: s.product, status: s.status, amount_minor: s.amount_minor, tendered_minor: s.tendered_minor,
        charged_minor: s.charged_minor, change_minor: s.change_minor, value_minor: s.value_minor, token: s.token, sts_tid: s.sts_tid })));
    // The rebuilt tables keep their indexes; print jobs and outbox rows still point at real sales.
    expect(rows(db, `SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('sales', 'meter_commands') AND sql IS NOT NULL ORDER BY name`).map((r) => r.name))
      .toEqual(['meter_commands_meter', 'sales_local', 'sales_meter', 'sales_status']);
    expect(row(db, 'SELECT COUNT(*) AS n FROM print_jobs p JOIN sales s ON s.id = p.sale_id')).toEqual({ n: 4 });
    expect(row(db, 'SELECT COUNT(*) AS n FROM outbox o JOIN sales s ON s.id = o.sale_id')).toEqual({ n: 5 });
  });

  it('moves only the waiting old-topic commands, same key and outbox id, attributed to the first admin', () => {
    const db = version5();
    applyMigration(db, 6);
    expect(rows(db, `SELECT id, meter_number, meter_kind, kind, params_json, status, requested_by, created_at FROM meter_commands WHERE id LIKE 'k-%' ORDER BY id`)).toEqual([
      { id: 'k-disc-1', meter_number: METER.acrel1, meter_kind: 'acrel', kind: 'disconnect', params_json: '{"reason":"debt over limit"}', status: 'pending', requested_by: USER.admin, created_at: at(3, 39) },
      // The schedule's code and version stay on the command; the periods travel in the request.
      { id: 'k-tariff-1', meter_number: METER.acrel2, meter_kind: 'acrel', kind: 'set_tariff_schedule', params_json: '{"code":"COM","version":1}', status: 'pending', requested_by: USER.admin, created_at: at(3, 41) },
    ]);
    const outbox = rows(db, `SELECT id, topic, key, status, attempts, last_error, order_key, payload_json FROM outbox WHERE id >= 10 ORDER BY id`)
      .map((r) => ({ ...r, payload_json: JSON.parse(r.payload_json as string) as unknown }));
    expect(outbox).toEqual([
      { id: 10, topic: 'metercmd.disconnect', key: 'k-disc-1', status: 'pending', attempts: 2, last_error: 'HTTP 503', order_key: `meter:${METER.acrel1}`,
        payload_json: { commandId: 'k-disc-1', meterNumber: METER.acrel1, meterKind: 'acrel', request: { reason: 'debt over limit', command: 'disconnect' } } },
      { id: 11, topic: 'metercmd.set_tariff_schedule', key: 'k-tariff-1', status: 'pending', attempts: 0, last_error: null, order_key: `meter:${METER.acrel2}`,
        payload_json: { commandId: 'k-tariff-1', meterNumber: METER.acrel2, meterKind: 'acrel',
          request: { periods: [{ startMinute: 0, endMinute: 1440, pricePerKwh: '180.25' }], command: 'set_tariff_schedule' } } },
      // Not moved (checked value for value by the survival test too).
      { id: 12, topic: 'acrel.command', key: 'k-prepaid-done', status: 'done', attempts: 1, last_error: null, order_key: `meter:${METER.acrel1}`,
        payload_json: { meterNumber: METER.acrel1, op: 'setPrepaidMode' } },
      { id: 13, topic: 'acrel.command', key: 'k-post-dead', status: 'dead', attempts: 7, last_error: 'HTTP 400 bad meter', order_key: `meter:${METER.acrel2}`,
        payload_json: { meterNumber: METER.acrel2, op: 'setPostpaidMode' } },
      { id: 14, topic: 'acrel.command', key: 'k-gone-meter', status: 'pending', attempts: 0, last_error: null, order_key: 'meter:202400000777',
        payload_json: { meterNumber: '202400000777', op: 'reconnectMeter' } },
    ]);
    // Still behind the recharge waiting on the same meter (lower outbox id, same order key).
    expect(row(db, `SELECT id FROM outbox WHERE order_key = ? AND status = 'pending' ORDER BY id LIMIT 1`, `meter:${METER.acrel1}`)).toEqual({ id: 4 });
  });

  it('keeps the old CHECKs on the copied sales and admits a settlement beside them', () => {
    const db = version5();
    applyMigration(db, 6);
    // An old issued STS sale cannot lose its token; an old sale's change must still add up.
    expect(() => db.prepare(`UPDATE sales SET token = NULL WHERE receipt_no = 1`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE sales SET change_minor = change_minor + 1 WHERE receipt_no = 1`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE sales SET receipt_no = 2 WHERE receipt_no = 1`).run()).toThrow(/UNIQUE/);
    expect(() => db.prepare(`UPDATE sales SET user_id = 42 WHERE receipt_no = 1`).run()).toThrow(/FOREIGN KEY/);
    const t = at(4);
    db.prepare(`INSERT INTO sales (id, receipt_no, user_id, meter_id, meter_number, product, status, payment_method, currency, amount_minor, tendered_minor,
        charged_minor, change_minor, value_minor, quote_json, created_at, updated_at)
      VALUES (?, 11, ?, 4, ?, 'settlement', 'issued', 'cash', 'YER', 820000, 1000000, 820000, 180000, 820000, '{"kind":"settlement"}', ?, ?)`)
      .run(SETTLEMENT_ID, USER.cashier, METER.acrel2, t, t);
    expect(() => db.prepare(`UPDATE sales SET energy_tenths = 10 WHERE id = ?`).run(SETTLEMENT_ID)).toThrow(/CHECK/);
    // And the old print jobs' reference to sales is still enforced after the rename.
    expect(() => db.prepare(`INSERT INTO print_jobs (sale_id, copy, status, next_at, created_at, updated_at) VALUES ('gone', 1, 'queued', ?, ?, ?)`).run(t, t, t)).toThrow(/FOREIGN KEY/);
  });
});
