// A small fixed-window limiter per client address, in memory: enough to make guessing enrolment
// codes hopeless from one address (a code has ~77 random bits) and cheap to hold. One process
// keeps its own counts; several head-office processes behind a balancer each allow `max`.
export interface RateLimiter {
  /** Counts one attempt from `key`; how many ms until it may try again, or 0 if this one is allowed. */
  take(key: string): number;
}

export interface RateLimit {
  max: number;
  windowMs: number;
}

/** Addresses remembered at most: past this, windows already over are dropped, then the oldest. */
const MAX_KEYS = 10_000;

export function createRateLimiter(limit: RateLimit, now: () => number = Date.now): RateLimiter {
  const windows = new Map<string, { startedAt: number; count: number }>();
  return {
    take(key) {
      const t = now();
      let w = windows.get(key);
      if (!w || t - w.startedAt >= limit.windowMs) {
        if (!w && windows.size >= MAX_KEYS) {
          for (const [k, v] of windows) if (t - v.startedAt >= limit.windowMs) windows.delete(k);
          if (windows.size >= MAX_KEYS) windows.delete(windows.keys().next().value!);
        }
        w = { startedAt: t, count: 0 };
        windows.delete(key);
        windows.set(key, w);
      }
      w.count += 1;
      return w.count > limit.max ? w.startedAt + limit.windowMs - t : 0;
    },
  };
}
