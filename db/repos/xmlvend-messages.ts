// The XMLVend messages sent (migration 0019): each request's msgID, what it was for, and the
// client's running count that its uniqueNumber is derived from. main/vendors/xmlvend/msg-id.ts
// allocates in one write transaction through these functions.
import type { ReadDb, WriteDb } from '../open';
import { stmt } from './stmt';

export interface XmlVendMessageRow {
  client_id: string;
  seq: number;
  unique_number: number;
  date_time: string;
  kind: string;
  key: string | null;
  created_at: string;
}

/** The message sent for this purpose, if any (one per kind and key). */
export function xmlvendMessageByKey(db: ReadDb, kind: string, key: string): XmlVendMessageRow | null {
  return (stmt(db, 'SELECT * FROM xmlvend_messages WHERE kind = ? AND key = ?').get(kind, key) as XmlVendMessageRow | undefined) ?? null;
}

/** The message a server's reqMsgID names. */
export function xmlvendMessageByMsgId(db: ReadDb, clientId: string, dateTime: string, uniqueNumber: number): XmlVendMessageRow | null {
  return (stmt(db, 'SELECT * FROM xmlvend_messages WHERE client_id = ? AND date_time = ? AND unique_number = ?')
    .get(clientId, dateTime, uniqueNumber) as XmlVendMessageRow | undefined) ?? null;
}

/** The client's highest seq so far, 0 before its first message (from the primary key alone). */
export function lastXmlvendSeq(db: ReadDb, clientId: string): number {
  return (stmt(db, 'SELECT MAX(seq) AS s FROM xmlvend_messages WHERE client_id = ?').get(clientId) as { s: number | null }).s ?? 0;
}

export function insertXmlvendMessage(db: WriteDb, m: XmlVendMessageRow): void {
  stmt(db, `INSERT INTO xmlvend_messages (client_id, seq, unique_number, date_time, kind, key, created_at)
            VALUES (@client_id, @seq, @unique_number, @date_time, @kind, @key, @created_at)`).run(m);
}
