// What every vendor call returns. Exactly three outcomes, because the sale state machine needs
// exactly three answers to "did the vendor do it?": yes, definitely no, or we cannot know.
import type { Bilingual } from '../../preload/contract';

export type VendorOutcome<T> =
  | { kind: 'ok'; value: T }
  /** The vendor definitively said no (a 4xx with a protocol error body). Safe to report as failed. */
  | { kind: 'refused'; code: string; message: Bilingual }
  /**
   * We cannot know whether the vendor acted: timeout, 5xx, reset or lost response, malformed body.
   * Resolve it by asking about the same idempotency key, never by acting again.
   * A reason starting with UNREACHABLE_PREFIX means no request ever reached the vendor
   * (connection refused, DNS failure, no route) on any attempt.
   */
  | { kind: 'unknown'; reason: string };

export const UNREACHABLE_PREFIX = 'unreachable:';
export const MALFORMED_RESPONSE = 'malformed response';

export const ok = <T>(value: T): VendorOutcome<T> => ({ kind: 'ok', value });
export const refused = (code: string, message: Bilingual): VendorOutcome<never> => ({ kind: 'refused', code, message });
export const unknown = (reason: string): VendorOutcome<never> => ({ kind: 'unknown', reason });

/** True when the request provably never reached the vendor, so nothing can have happened there. */
export function neverArrived(o: VendorOutcome<unknown>): boolean {
  return o.kind === 'unknown' && o.reason.startsWith(UNREACHABLE_PREFIX);
}

/** Transforms the value of an ok outcome; refused/unknown pass through unchanged. */
export function mapOutcome<T, U>(o: VendorOutcome<T>, f: (v: T) => U): VendorOutcome<U> {
  return o.kind === 'ok' ? { kind: 'ok', value: f(o.value) } : o;
}
