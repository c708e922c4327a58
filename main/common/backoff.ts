// How long to wait before the next try, for everything Shahn retries (outbox messages, print jobs,
// vendor requests): the delay doubles with each retry up to a cap. Jitter spreads the retries of
// many counters (or many messages) so they do not all hit a recovering server at the same moment.
//   'none'  — exactly base·2ⁿ (a single local device: the receipt printer)
//   'equal' — half fixed, half random: never zero, never above the cap (the outbox)
//   'added' — base·2ⁿ plus up to one base of random, then capped (retries inside one request)

export type Jitter = 'none' | 'equal' | 'added';

export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
  jitter: Jitter;
  /** 0 ≤ random() < 1; injectable so tests are exact. */
  random?: () => number;
}

/** The delay before retry number `retry` (0 = the first retry after the first failure). */
export function backoffDelay(retry: number, p: BackoffPolicy): number {
  const random = p.random ?? Math.random;
  const exp = p.baseMs * 2 ** Math.min(Math.max(0, retry), 20); // 2^20 bases is beyond any cap we use
  switch (p.jitter) {
    case 'none':
      return Math.min(p.maxMs, exp);
    case 'equal': {
      const capped = Math.min(p.maxMs, exp);
      return Math.round(capped / 2 + (capped / 2) * random());
    }
    case 'added':
      return Math.min(p.maxMs, exp + random() * p.baseMs);
  }
}
