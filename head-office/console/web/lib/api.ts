// The console's one way to the head office: JSON over /console/api with the session cookie (sent
// by the browser, HttpOnly) and, on every state-changing request, the CSRF header the service
// requires. A refusal becomes an ApiError carrying the service's own words in both languages.
import { CSRF_HEADER, type ConsoleErrorBody } from '../../wire';

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, readonly text: { ar: string; en: string }) {
    super(text.en);
  }
}

const signedOutListeners = new Set<() => void>();
/** Called when any request finds the session ended (401), so the app returns to sign-in. */
export function onSignedOut(f: () => void): () => void {
  signedOutListeners.add(f);
  return () => signedOutListeners.delete(f);
}

const NETWORK = { ar: 'تعذّر الوصول إلى المكتب الرئيسي؛ تحقق من الاتصال ثم أعد المحاولة.', en: 'The head office could not be reached; check the connection and try again.' };

export async function api<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown, opts: { quietSignedOut?: boolean } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') headers[CSRF_HEADER] = '1';
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(`/console/api${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', NETWORK);
  }
  if (res.status === 204) return undefined as T;
  const json = (await res.json().catch(() => null)) as unknown;
  if (res.ok) return json as T;
  const err = (json as ConsoleErrorBody | null)?.error;
  const e = new ApiError(res.status, err?.code ?? 'HTTP_' + res.status, err?.message ?? { ar: `خطأ من الخادم (${res.status})`, en: `Server error (${res.status})` });
  if (res.status === 401 && e.code === 'NOT_SIGNED_IN' && !opts.quietSignedOut) signedOutListeners.forEach((f) => f());
  throw e;
}

/** A query string of the set values only. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
