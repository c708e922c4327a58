// Login rate limits. Two layers, both derived from what is already stored so a restart of the
// app does not reset them:
//  - per user: after every MAX_FAILURES wrong PINs in a row the user is locked, for LOCK_MINUTES
//    the first time and twice as long each time after (capped), until a correct PIN;
//  - per counter (the whole till, whatever username is typed): at most COUNTER_MAX_FAILURES
//    failed logins within COUNTER_WINDOW_MINUTES, counted from the audit log. This stops someone
//    at the till from walking through usernames to dodge the per-user lock.
import type { ReadDb } from '../../db/open';
import { recentActionTimes } from '../../db/repos/audit';
import { err } from '../common/errors';

export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 5;
export const MAX_LOCK_MINUTES = 60;
export const COUNTER_MAX_FAILURES = 10;
export const COUNTER_WINDOW_MINUTES = 10;
/** Audit actions that count as a failed login at this counter. */
export const FAILED_LOGIN_ACTIONS = ['login.failed', 'login.locked'] as const;
/**
 * How far back (in audit rows) the counter looks. Bounded so a big audit log never makes login
 * slow. Refused attempts during a lock are not audited, so nobody can push failures out of this
 * range without logging in.
 */
const LOOKBACK_ROWS = 2_000;

/** How long the user's next lock lasts, given the number of wrong PINs in a row (a multiple of MAX_FAILURES). */
export function lockMinutes(failuresInARow: number): number {
  const locks = Math.floor(failuresInARow / MAX_FAILURES);
  return Math.min(MAX_LOCK_MINUTES, LOCK_MINUTES * 2 ** Math.max(0, locks - 1));
}

/** The failed logins at this counter in the window ending at `now`, oldest first (ISO times). */
function recentFailures(db: ReadDb, now: Date): string[] {
  const since = new Date(now.getTime() - COUNTER_WINDOW_MINUTES * 60_000).toISOString();
  return recentActionTimes(db, FAILED_LOGIN_ACTIONS, since, LOOKBACK_ROWS);
}

/** When the counter opens again, or null when logins are allowed now. */
export function counterLockedUntil(db: ReadDb, now: Date): Date | null {
  const fails = recentFailures(db, now);
  if (fails.length < COUNTER_MAX_FAILURES) return null;
  // Sliding window: the counter opens when enough of the oldest failures have aged out of it.
  const pivot = fails[fails.length - COUNTER_MAX_FAILURES]!;
  return new Date(new Date(pivot).getTime() + COUNTER_WINDOW_MINUTES * 60_000);
}

const minutesLeft = (until: Date, now: Date) => Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));

export const counterLockedError = (until: Date, now: Date) => {
  const m = minutesLeft(until, now);
  return err(
    'LOCKED_OUT',
    `Too many wrong PINs at this counter. Logins are paused for ${m} minute(s); a supervisor can check the audit log.`,
    `محاولات خاطئة كثيرة على هذا الصندوق. تم إيقاف تسجيل الدخول لمدة ${m} دقيقة؛ يمكن للمشرف مراجعة سجل التدقيق.`,
  );
};

export const userLockedError = (until: Date, now: Date) => {
  const m = minutesLeft(until, now);
  return err(
    'LOCKED_OUT',
    `Too many wrong PINs. Try again in ${m} minute(s) or ask a supervisor.`,
    `محاولات خاطئة كثيرة. حاول بعد ${m} دقيقة أو اطلب من المشرف.`,
  );
};
