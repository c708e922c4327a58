// Migration 0019 adds xmlvend_messages, the msgIDs of the XMLVend requests sent. It touches no
// existing table: every row of a full 0018 history survives. The new table holds its invariants
// itself, whatever code writes to it: one msgID per client and number, a uniqueNumber derived from
// the never-wrapping seq (1..999999), a 14-digit dateTime, one message per kind and key.
import { describe, expect, it } from 'vitest';
import type { ReadDb } from '../../../../db/open';
import { insertXmlvendMessage, lastXmlvendSeq, xmlvendMessageByKey, type XmlVendMessageRow } from '../../../../db/repos/xmlvend-messages';
import { verifyAuditChain } from '../../../../main/audit/append';
import { applyMigration, at, expectSurvived, historyAt, rows, snapshot } from '../../../helpers/migration-kit';

const CLIENT = '6001234567899';
const msg = (over: Partial<XmlVendMessageRow>): XmlVendMessageRow => ({
  client_id: CLIENT, seq: 1, unique_number: 1, date_time: '20260304090000', kind: 'creditVend', key: null, created_at: at(4), ...over,
});

describe('migration 0019 (xmlvend messages) on a 0018 database with history', () => {
  it('keeps every row of every table and starts with no message', () => {
    const db = historyAt(18);
    const before = snapshot(db);
    applyMigration(db, 19);
    expectSurvived(db, before);
    expect(rows(db, 'SELECT * FROM xmlvend_messages')).toEqual([]);
    expect(verifyAuditChain(db)).toBeNull();
    // The repository works on the migrated file: an old unknown sale gets its message.
    insertXmlvendMessage(db, msg({ key: 'a1f0c3e2-0004-4b1e-9c55-000000000004' }));
    expect(xmlvendMessageByKey(db as unknown as ReadDb, 'creditVend', 'a1f0c3e2-0004-4b1e-9c55-000000000004')).toMatchObject({ seq: 1, unique_number: 1 });
    expect(lastXmlvendSeq(db as unknown as ReadDb, CLIENT)).toBe(1);
  });

  it('refuses a message that breaks a msgID rule', () => {
    const db = historyAt(18);
    applyMigration(db, 19);
    insertXmlvendMessage(db, msg({ key: 'sale-1' }));
    const refused = (m: XmlVendMessageRow) => () => insertXmlvendMessage(db, m);
    // The same seq for the same client, the same msgID (dateTime + number), the same purpose twice.
    expect(refused(msg({ kind: 'reprint', date_time: '20260304090059' }))).toThrow(/UNIQUE constraint failed: xmlvend_messages\.client_id, xmlvend_messages\.seq/);
    expect(refused(msg({ seq: 1_000_000, unique_number: 1 }))).toThrow(/UNIQUE constraint failed: xmlvend_messages\.client_id, xmlvend_messages\.date_time, xmlvend_messages\.unique_number/);
    expect(refused(msg({ seq: 2, unique_number: 2, key: 'sale-1' }))).toThrow(/UNIQUE constraint failed: xmlvend_messages\.kind, xmlvend_messages\.key/);
    // A number that is not the seq's (7 digits, or not derived), a bad dateTime, a bad client.
    expect(refused(msg({ seq: 1_000_000, unique_number: 1_000_000, date_time: '20260304090001' }))).toThrow(/CHECK constraint failed/);
    expect(refused(msg({ seq: 5, unique_number: 4 }))).toThrow(/CHECK constraint failed/);
    expect(refused(msg({ seq: 0, unique_number: 0 }))).toThrow(/CHECK constraint failed/);
    expect(refused(msg({ seq: 2, unique_number: 2, date_time: '2026030409000' }))).toThrow(/CHECK constraint failed/);
    expect(refused(msg({ seq: 2, unique_number: 2, date_time: '2026-03-04T0900' }))).toThrow(/CHECK constraint failed/);
    expect(refused(msg({ seq: 2, unique_number: 2, client_id: '600123456789X' }))).toThrow(/CHECK constraint failed/);
    expect(refused(msg({ seq: 2, unique_number: 2, kind: '' }))).toThrow(/CHECK constraint failed/);
    // Past the wrap the number comes round (1,000,000 -> 1) at another dateTime; messages without a key need none.
    insertXmlvendMessage(db, msg({ seq: 1_000_000, unique_number: 1, date_time: '20260304090001' }));
    insertXmlvendMessage(db, msg({ seq: 1_000_001, unique_number: 2, date_time: '20260304090001', kind: 'advice' }));
    insertXmlvendMessage(db, msg({ seq: 1_000_002, unique_number: 3, date_time: '20260304090001', kind: 'advice' }));
    // Another client has numbers of its own.
    insertXmlvendMessage(db, msg({ client_id: '4006381333931', key: 'sale-2' }));
    expect(lastXmlvendSeq(db as unknown as ReadDb, CLIENT)).toBe(1_000_002);
    expect(lastXmlvendSeq(db as unknown as ReadDb, '4006381333931')).toBe(1);
  });

  it('finds the last seq and a message by key from indexes, never a scan', () => {
    const db = historyAt(18);
    applyMigration(db, 19);
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(CLIENT) as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan('SELECT MAX(seq) AS s FROM xmlvend_messages WHERE client_id = ?')).toMatch(/SEARCH xmlvend_messages USING COVERING INDEX sqlite_autoindex_xmlvend_messages_1/);
    expect(plan(`SELECT * FROM xmlvend_messages WHERE kind = 'creditVend' AND key = ?`)).toMatch(/SEARCH xmlvend_messages USING INDEX sqlite_autoindex_xmlvend_messages_3 \(kind=\? AND key=\?\)/);
    expect(plan(`SELECT * FROM xmlvend_messages WHERE client_id = ? AND date_time = '20260304090000' AND unique_number = 1`)).toMatch(/SEARCH xmlvend_messages USING INDEX sqlite_autoindex_xmlvend_messages_2/);
  });

  it("the migration kit's 0019 history has messages, so later migrations' tests check they survive", () => {
    const snap = snapshot(historyAt(19));
    expect(snap.xmlvend_messages!.rows.map((r) => [r.seq, r.kind, r.key])).toEqual([
      [1, 'confirmCustomer', null], [2, 'creditVend', 'a1f0c3e2-0004-4b1e-9c55-000000000004'], [3, 'advice', null],
    ]);
  });
});
