// The server's memory of messages: every answer by the msgID of the request it answered (so a
// repeated msgID is never performed twice, and lastRespAdviceReq can give the answer back), how
// many times each msgID arrived, and which are being processed right now.
import type { EngineeringAnswer, PayAccAnswer, StoredAnswer, VendAnswer } from './model';
import type { MsgId } from './request';

export interface LedgerEntry {
  msgId: MsgId;
  /** The request's element (creditVendReq, payAccReq...). */
  request: string;
  answer: StoredAnswer;
  at: Date;
}

/** The key of a msgID: uniqueNumber is an integer ("0251" and "251" are the same message). */
export function msgKey(id: MsgId): string {
  return `${id.dateTime}/${id.uniqueNumber.replace(/^0+(?=\d)/, '')}`;
}

export class Ledger {
  private readonly answers = new Map<string, LedgerEntry>();
  private readonly arrivals = new Map<string, number>();
  private readonly processing = new Map<string, number>();
  private readonly order: LedgerEntry[] = [];

  arrived(id: MsgId): void {
    const k = msgKey(id);
    this.arrivals.set(k, (this.arrivals.get(k) ?? 0) + 1);
  }

  begin(id: MsgId): void {
    const k = msgKey(id);
    this.processing.set(k, (this.processing.get(k) ?? 0) + 1);
  }

  end(id: MsgId): void {
    const k = msgKey(id);
    const n = (this.processing.get(k) ?? 0) - 1;
    if (n > 0) this.processing.set(k, n);
    else this.processing.delete(k);
  }

  inProgress(id: MsgId): boolean {
    return this.processing.has(msgKey(id));
  }

  store(e: LedgerEntry): void {
    this.answers.set(msgKey(e.msgId), e);
    this.order.push(e);
  }

  get(id: MsgId): LedgerEntry | undefined {
    return this.answers.get(msgKey(id));
  }

  view(): XmlVendLedgerView {
    return {
      entry: (id) => this.get(id),
      inProgress: (id) => this.inProgress(id),
      received: (id) => this.arrivals.get(msgKey(id)) ?? 0,
      entries: () => [...this.order],
      vends: (msno) => this.order.flatMap((e) => (e.answer.type === 'creditVend' && (msno === undefined || e.answer.meter.msno === msno) ? [e.answer] : [])),
      payments: () => this.order.flatMap((e) => (e.answer.type === 'payAcc' ? [e.answer] : [])),
      engineering: () => this.order.flatMap((e) => (e.answer.type === 'engineering' ? [e.answer] : [])),
    };
  }
}

/** What a test reads: what was answered and performed, by msgID and by meter. */
export interface XmlVendLedgerView {
  /** The answer given to the request with this msgID (a fault too), if the server processed one. */
  entry(id: MsgId): LedgerEntry | undefined;
  /** True while a request with this msgID has arrived and is not answered yet (e.g. under latency). */
  inProgress(id: MsgId): boolean;
  /** How many requests carried this msgID (repeats are counted, and never performed again). */
  received(id: MsgId): number;
  /** Every answer stored, in the order the requests were processed. */
  entries(): readonly LedgerEntry[];
  /** Credit vends performed (trial vends change nothing and are not here), oldest first. */
  vends(msno?: string): readonly VendAnswer[];
  payments(): readonly PayAccAnswer[];
  engineering(): readonly EngineeringAnswer[];
}
