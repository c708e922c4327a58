// Who may call a console route: the session cookie names a signed-in console user, and the route
// names the least role it needs (viewer < operator < admin). Every console route plugin uses
// requireRole; state-changing requests must also carry the CSRF header, checked here too, so no
// route can forget it. A console session is only ever read here: the counters' /api/v1 routes
// authenticate by signature (head-office/auth.ts) and never look at a cookie.
import { createHash } from 'node:crypto';
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type pg from 'pg';
import { useConsoleSession } from '../db/console-users';
import { refuse } from '../errors';
import { roleAtLeast, type ConsoleRole } from './roles';
import { CSRF_HEADER } from './wire';

export { roleAtLeast, type ConsoleRole };

export interface ConsoleUser {
  id: number;
  username: string;
  displayName: string;
  role: ConsoleRole;
}

/** What the guard needs from the service: decorated on the Fastify instance by buildServer. */
export interface ConsoleSessionSettings {
  pool: pg.Pool;
  now: () => number;
  /** A session's absolute life. */
  ttlMs: number;
  /** A session unused this long ends. */
  idleMs: number;
  /** Wrong passwords in a row before a lock, and the lock's length. */
  maxFailedAttempts: number;
  lockoutMs: number;
  /** HEAD_OFFICE_SECURE_COOKIES: the cookie is Secure even when the request does not look like HTTPS. */
  secureCookies?: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    consoleUser: ConsoleUser | null;
  }
  interface FastifyInstance {
    consoleSessions: ConsoleSessionSettings;
  }
}

export const SESSION_COOKIE = 'shahn_console';

export const sessionCookieOptions = (req: FastifyRequest, maxAgeMs?: number): CookieSerializeOptions => ({
  httpOnly: true,
  sameSite: 'strict',
  // req.protocol believes X-Forwarded-Proto only from a trusted proxy (HEAD_OFFICE_TRUST_PROXY).
  secure: req.server.consoleSessions.secureCookies === true || req.protocol === 'https',
  path: '/console',
  ...(maxAgeMs === undefined ? {} : { maxAge: Math.floor(maxAgeMs / 1000) }),
});

/** Only the hash of a session token is stored: the table alone signs nobody in. */
export const sessionTokenHash = (token: string): Buffer => createHash('sha256').update(token, 'utf8').digest();

/** The cookie's token if it has the shape we issue (43 base64url characters), else null. */
export function sessionTokenOf(req: FastifyRequest): string | null {
  const v = req.cookies?.[SESSION_COOKIE];
  return v && /^[A-Za-z0-9_-]{43}$/.test(v) ? v : null;
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** false (refusal sent) when a state-changing request lacks the header a cross-site form cannot send. */
export function csrfHeaderPresent(req: FastifyRequest, reply: FastifyReply): boolean {
  if (!STATE_CHANGING.has(req.method) || req.headers[CSRF_HEADER] === '1') return true;
  refuse(reply, 403, 'CSRF_HEADER_MISSING', `This request must come from the console itself (the ${CSRF_HEADER} header is missing)`,
    `يجب أن يصدر هذا الطلب من لوحة التحكم نفسها (الترويسة ${CSRF_HEADER} مفقودة)`);
  return false;
}

export function refuseSignedOut(reply: FastifyReply): FastifyReply {
  return refuse(reply, 401, 'NOT_SIGNED_IN', 'Please sign in: your session has ended or you are not signed in',
    'يُرجى تسجيل الدخول: انتهت جلستك أو لم تسجّل الدخول بعد');
}

/** The signed-in user of this request, or null (an ended, unknown or missing session). */
export async function consoleUserOf(req: FastifyRequest): Promise<ConsoleUser | null> {
  const token = sessionTokenOf(req);
  if (token === null) return null;
  const s = req.server.consoleSessions;
  const row = await useConsoleSession(s.pool, sessionTokenHash(token), new Date(s.now()), s.idleMs);
  return row ? { id: row.id, username: row.username, displayName: row.displayName, role: row.role } : null;
}

const ROLE_TEXT: Record<ConsoleRole, { en: string; ar: string }> = {
  viewer: { en: 'viewer', ar: 'مُطّلع' },
  operator: { en: 'operator', ar: 'مشغّل' },
  admin: { en: 'administrator', ar: 'مدير' },
};

/**
 * A preHandler: the request goes on only with a live session whose user has at least `min`;
 * otherwise 401 (sign in) or 403 (role too low), both in Arabic and English. Sets req.consoleUser.
 */
export function requireRole(min: ConsoleRole): preHandlerAsyncHookHandler {
  return async function guard(req: FastifyRequest, reply: FastifyReply) {
    if (!csrfHeaderPresent(req, reply)) return reply;
    const user = await consoleUserOf(req);
    if (user === null) return refuseSignedOut(reply);
    if (!roleAtLeast(user.role, min)) {
      return refuse(reply, 403, 'ROLE_TOO_LOW', `This needs the ${ROLE_TEXT[min].en} role or higher; ask an administrator`,
        `يتطلب هذا دور «${ROLE_TEXT[min].ar}» أو أعلى؛ راجع أحد المديرين`);
    }
    req.consoleUser = user;
  };
}
