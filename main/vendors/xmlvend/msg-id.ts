// XMLVend message IDs (NRS 009-6-10 MsgID): dateTime, yyyymmddHHMMSS in the counter's time zone,
// and uniqueNumber, a number per client that never repeats. Every msgID is recorded (and the
// record committed) before its message leaves, so a restart or a kill -9 never hands one out
// twice; and a purpose (a sale's credit vend) keeps the one msgID it was given, so the answer to a
// lost message is asked for with the msgID that went out, never by sending a second message.
//
// The schema makes uniqueNumber a positiveInteger of at most 6 digits, so after 999,999 messages
// from one client it comes round to 1 (the count behind it, seq, never does). A server that only
// refuses a repeated msgID sees none: by then the dateTime has moved on, and a pair taken already
// (a million messages within one second, or a clock set back onto an old second) is skipped. A
// server that wants uniqueNumber to keep growing would refuse the message after 999,999; none of
// the servers whose messages we have does (Conlog faults only a duplicate: DuplicateMsgIDEx).
import { z } from 'zod';
import type { ReadDb, WriteDb } from '../../../db/open';
import { insertXmlvendMessage, lastXmlvendSeq, xmlvendMessageByKey, xmlvendMessageByMsgId, type XmlVendMessageRow } from '../../../db/repos/xmlvend-messages';
import { err } from '../../common/errors';

/** MsgIDUniqueNumber: positiveInteger, totalDigits 6. */
export const UNIQUE_NUMBER_MAX = 999_999;

/** What a message is for; one message per kind and key. */
export const XmlVendMessageKind = z.enum([
  'login', 'confirmCustomer', 'trialCreditVend', 'creditVend', 'reprint', 'payAcc', 'advice', 'clearCredit', 'clearTamper', 'pwrLmt',
]);
export type XmlVendMessageKind = z.infer<typeof XmlVendMessageKind>;

export interface MsgId {
  /** yyyymmddHHMMSS, 14 digits. */
  dateTime: string;
  /** 1..999999. */
  uniqueNumber: number;
}

export interface SentMessage {
  clientId: string;
  msgId: MsgId;
  /** The client's running count behind uniqueNumber: strictly increasing, never coming round. */
  seq: number;
  kind: XmlVendMessageKind;
  key: string | null;
  createdAt: string;
  /** True when the key had its msgID already: this is that message again, not a new one. */
  reused: boolean;
}

export const uniqueNumberOf = (seq: number): number => ((seq - 1) % UNIQUE_NUMBER_MAX) + 1;

/** The instant as yyyymmddHHMMSS on the wall clock of an IANA time zone. */
export function msgIdDateTime(at: Date, timeZone: string): string {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone, numberingSystem: 'latn', hourCycle: 'h23',
      year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    }).formatToParts(at);
  } catch {
    throw err('BAD_INPUT', `Time zone ${timeZone} is not an IANA time zone.`, `المنطقة الزمنية ${timeZone} ليست منطقة زمنية معروفة.`, ['timeZone']);
  }
  const part = (t: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === t)?.value ?? '';
  const s = `${part('year').padStart(4, '0')}${part('month')}${part('day')}${part('hour')}${part('minute')}${part('second')}`;
  if (!/^\d{14}$/.test(s)) throw new RangeError(`msgIdDateTime: cannot write ${at.toISOString()} as yyyymmddHHMMSS`);
  return s;
}

const Allocation = z.object({
  clientId: z.string().regex(/^\d{13}$/, 'clientId is not a 13-digit EAN'),
  kind: XmlVendMessageKind,
  key: z.string().min(1).max(200).nullable(),
  timeZone: z.string().min(1),
  now: z.date().refine((d) => !Number.isNaN(d.getTime()), 'now is not a date'),
});
export type Allocation = z.infer<typeof Allocation>;

const toSent = (r: XmlVendMessageRow, reused: boolean): SentMessage => ({
  clientId: r.client_id, msgId: { dateTime: r.date_time, uniqueNumber: r.unique_number }, seq: r.seq,
  kind: r.kind as XmlVendMessageKind, key: r.key, createdAt: r.created_at, reused,
});

/**
 * The msgID of a message about to be sent, committed before this returns. With a key, asking
 * again (after a retry, a restart, a crash) returns the msgID given the first time, whatever the
 * client asked now: that is the message that may have reached a server. One write transaction,
 * begun IMMEDIATE so that two connections to the file cannot both read the same last number.
 */
export function allocateMsgId(db: WriteDb, allocation: Allocation): SentMessage {
  const a = Allocation.parse(allocation);
  const dateTime = msgIdDateTime(a.now, a.timeZone);
  return db.transaction((): SentMessage => {
    if (a.key !== null) {
      const found = xmlvendMessageByKey(db, a.kind, a.key);
      if (found) return toSent(found, true);
    }
    let seq = lastXmlvendSeq(db, a.clientId) + 1;
    while (xmlvendMessageByMsgId(db, a.clientId, dateTime, uniqueNumberOf(seq))) seq++;
    const row: XmlVendMessageRow = {
      client_id: a.clientId, seq, unique_number: uniqueNumberOf(seq), date_time: dateTime, kind: a.kind, key: a.key, created_at: a.now.toISOString(),
    };
    insertXmlvendMessage(db, row);
    return toSent(row, false);
  }).immediate();
}

/** The message sent for this purpose, or null when none was. */
export function sentMessage(db: ReadDb, kind: XmlVendMessageKind, key: string): SentMessage | null {
  const r = xmlvendMessageByKey(db, kind, key);
  return r ? toSent(r, true) : null;
}

/** The message a server's answer names by its reqMsgID, or null when this counter sent none such. */
export function messageOfMsgId(db: ReadDb, clientId: string, msgId: MsgId): SentMessage | null {
  const r = xmlvendMessageByMsgId(db, clientId, msgId.dateTime, msgId.uniqueNumber);
  return r ? toSent(r, true) : null;
}
