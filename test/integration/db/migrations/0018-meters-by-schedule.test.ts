// Migration 0018 adds a partial index of the active meters by schedule and group: every row of a
// full 0017 history survives, and the tariffs screen's count of a schedule's directly assigned
// meters (db/repos/tariffs.ts) reads that index alone instead of every meter.
import { describe, expect, it } from 'vitest';
import type { ReadDb } from '../../../../db/open';
import { countMetersOnSchedule } from '../../../../db/repos/tariffs';
import { applyMigration, expectSurvived, historyAt, snapshot } from '../../../helpers/migration-kit';

describe('migration 0018 (meters by schedule) on a 0017 database with history', () => {
  it("keeps every row and the counts, and counts a schedule's meters from the index", () => {
    const db = historyAt(17);
    const before = snapshot(db);
    const codes = (db.prepare('SELECT DISTINCT schedule_code FROM meters ORDER BY 1').pluck().all() as string[]);
    // The statements countMetersOnSchedule runs, and its answers.
    const ran: string[] = [];
    const spy = { prepare: (sql: string) => { ran.push(sql); return db.prepare(sql); } } as unknown as ReadDb;
    const counts = codes.map((c) => countMetersOnSchedule(spy, c));
    expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    const plan = () => (db.prepare(`EXPLAIN QUERY PLAN ${ran[0]!}`).all(codes[0], codes[0]) as { detail: string }[]).map((r) => r.detail).join(' | ');
    // Before: the direct count walks meters_group's NULL entries (every meter outside a group).
    expect(plan()).toMatch(/SEARCH meters USING INDEX meters_group \(tariff_group_id=\?\)/);

    applyMigration(db, 18);
    expectSurvived(db, before);
    expect(codes.map((c) => countMetersOnSchedule(db as unknown as ReadDb, c))).toEqual(counts);
    expect(plan()).toMatch(/SEARCH meters USING COVERING INDEX meters_schedule \(schedule_code=\? AND tariff_group_id=\?\)/);
    // The meters of the schedule's groups, by group.
    expect(plan()).toMatch(/SEARCH meters USING INDEX meters_group \(tariff_group_id=\?\)/);
    expect(plan()).not.toMatch(/SCAN (meters|m)\b/);
  });
});
