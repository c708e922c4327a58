import { StsError } from './errors';

/**
 * Token identifier: whole minutes since the key's base date (UTC), in 24 bits.
 * 2^24 minutes is about 31.9 years, so the 1993 base ran out on 2024-11-24 20:16 UTC (the global
 * "TID rollover"); meters moved to the 2014 base via a key change with the rollover bit set.
 */
export type BaseDate = 1993 | 2014 | 2035;

export const TID_MAX = 0xffffff;
const MINUTE = 60_000;

export function baseDateMs(baseDate: BaseDate): number {
  if (baseDate !== 1993 && baseDate !== 2014 && baseDate !== 2035) {
    throw new StsError('BAD_INPUT', 'base date must be 1993, 2014 or 2035');
  }
  return Date.UTC(baseDate, 0, 1);
}

export function tidFromDate(at: Date, baseDate: BaseDate): number {
  const base = baseDateMs(baseDate);
  const t = at instanceof Date ? at.getTime() : NaN;
  if (!Number.isFinite(t)) throw new StsError('BAD_INPUT', 'issue time must be a valid date');
  if (t < base) throw new StsError('TID_BEFORE_BASE', `issue time is before the ${baseDate} base date`);
  const tid = Math.floor((t - base) / MINUTE); // seconds are dropped, never rounded up
  if (tid > TID_MAX) throw new StsError('TID_OVERFLOW', `issue time is past the end of the ${baseDate} base date's TID range`);
  return tid;
}

export function dateFromTid(tid: number, baseDate: BaseDate): Date {
  checkTid(tid);
  return new Date(baseDateMs(baseDate) + tid * MINUTE);
}

export function checkTid(tid: unknown): number {
  if (typeof tid !== 'number' || !Number.isSafeInteger(tid) || tid < 0) {
    throw new StsError('BAD_INPUT', `TID must be an integer from 0 to ${TID_MAX}`);
  }
  if (tid > TID_MAX) throw new StsError('TID_OVERFLOW', `TID must not exceed ${TID_MAX}`);
  return tid;
}

/**
 * The TID for the next token to one meter. A meter refuses a TID it has already seen, and
 * two sales in the same minute share a candidate, so the result is max(candidate, last + 1).
 * When that would not fit 24 bits it is refused rather than wrapped (a wrapped TID is rejected
 * as old by the meter; the meter needs a rollover key change instead).
 */
export function nextTid(lastTid: number | null, candidate: number): number {
  checkTid(candidate);
  if (lastTid === null) return candidate;
  checkTid(lastTid);
  const next = Math.max(candidate, lastTid + 1);
  if (next > TID_MAX) throw new StsError('TID_OVERFLOW', 'no TID left for this meter on this base date');
  return next;
}
