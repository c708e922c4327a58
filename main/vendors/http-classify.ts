// Turns one HTTP exchange (a response, or the error instead of one) into a VendorOutcome plus the
// two facts the retry loop needs: may it be retried, and may the vendor have seen it.
import type { z } from 'zod';
import { ErrorBodySchema } from './wire';
import { MALFORMED_RESPONSE, UNREACHABLE_PREFIX, type VendorOutcome, ok, refused, unknown } from './outcome';

export interface Attempt<T> {
  outcome: VendorOutcome<T>;
  retryable: boolean;
  mayHaveArrived: boolean;
}

/** Statuses that mean "not now" rather than "no": the vendor may or may not have acted. */
const TRANSIENT_4XX = new Set([408, 425, 429]);

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

export function classifyResponse<T>(status: number, text: string, schema: z.ZodType<T>): Attempt<T> {
  if (status >= 200 && status < 300) {
    const json = parseJson(text);
    const parsed = json.ok ? schema.safeParse(json.value) : undefined;
    // The vendor answered, so it may well have acted; asking again would not make the body
    // readable. Report unknown and let the caller resolve by key.
    if (!parsed?.success) return { outcome: unknown(MALFORMED_RESPONSE), retryable: false, mayHaveArrived: true };
    return { outcome: ok(parsed.data), retryable: false, mayHaveArrived: true };
  }
  if (status >= 400 && status < 500 && !TRANSIENT_4XX.has(status)) {
    const json = parseJson(text);
    const parsed = json.ok ? ErrorBodySchema.safeParse(json.value) : undefined;
    if (parsed?.success) {
      return { outcome: refused(parsed.data.error.code, parsed.data.error.message), retryable: false, mayHaveArrived: true };
    }
    // A 4xx without the protocol's error body came from something else (a proxy, a wrong URL):
    // not the vendor's definite "no".
    return { outcome: unknown(`${MALFORMED_RESPONSE}: http ${status} without an error body`), retryable: false, mayHaveArrived: true };
  }
  if (status >= 500 || TRANSIENT_4XX.has(status)) {
    return { outcome: unknown(`http ${status}`), retryable: true, mayHaveArrived: true };
  }
  // 1xx/3xx: redirects are not followed (a POST must not silently move elsewhere).
  return { outcome: unknown(`unexpected http ${status}`), retryable: false, mayHaveArrived: true };
}

function errorCode(err: unknown): string | undefined {
  let e: unknown = err;
  // axios wraps the socket error; the code may sit on the wrapper or on its cause.
  for (let depth = 0; depth < 4 && e !== null && typeof e === 'object'; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'ERR_CANCELED' && !code.startsWith('ERR_BAD_')) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * A failure without a response. `connected` (the TCP connection was established) decides whether
 * the vendor may have seen the request — not the error code: a reset, an unreachable network or a
 * timeout after connecting may all come after the request left, and only "never connected" proves
 * that nothing did (the one case where the counter may vend on its own).
 */
export function classifyFailure(err: unknown, a: { timedOut: boolean; timeoutMs: number; connected: boolean }): Attempt<never> {
  const code = errorCode(err);
  const what = a.timedOut ? `timeout after ${a.timeoutMs} ms` : (code ?? (err instanceof Error ? err.message : String(err)));
  if (!a.connected) return { outcome: unknown(`${UNREACHABLE_PREFIX} ${what} before connecting`), retryable: true, mayHaveArrived: false };
  if (a.timedOut) return { outcome: unknown(what), retryable: true, mayHaveArrived: true };
  return { outcome: unknown(`connection lost: ${what}`), retryable: true, mayHaveArrived: true };
}
