// Signing in and out of the console: POST /console/api/session (username and password), GET (who
// am I), DELETE (sign out). An unknown username and a wrong password get the same answer, after
// the same scrypt work; wrong passwords in a row lock the account for a while, and sign-in
// attempts per address are limited too, so names cannot be sprayed with common passwords.
import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { readBody } from '../body';
import { consoleUserForSignIn, insertConsoleSession, recordFailedSignIn, recordSignIn, revokeConsoleSession } from '../db/console-users';
import { refuse } from '../errors';
import { createRateLimiter, type RateLimit } from '../rate-limit';
import { csrfHeaderPresent, requireRole, SESSION_COOKIE, sessionCookieOptions, sessionTokenHash, sessionTokenOf } from './guard';
import { verifyAgainstDecoy, verifyPassword } from './passwords';
import { SignInRequestSchema, type ConsoleMe } from './wire';

export const DEFAULT_SIGN_IN_LIMIT: RateLimit = { max: 30, windowMs: 10 * 60_000 };

const badCredentials = (reply: FastifyReply) =>
  refuse(reply, 401, 'BAD_CREDENTIALS', 'Wrong username or password', 'اسم المستخدم أو كلمة المرور غير صحيحة');

function locked(reply: FastifyReply, until: Date, now: number): FastifyReply {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now) / 60_000));
  reply.header('retry-after', String(Math.ceil((until.getTime() - now) / 1000)));
  return refuse(reply, 429, 'ACCOUNT_LOCKED', `Too many wrong passwords: this account is locked for ${minutes} more minute(s), or until an administrator resets its password`,
    `محاولات خاطئة كثيرة: هذا الحساب مقفل لمدة ${minutes} دقيقة، أو إلى أن يعيد أحد المديرين تعيين كلمة مروره`);
}

export function sessionRoutes(opts: { signInLimit?: RateLimit } = {}): FastifyPluginAsync {
  return async (app) => {
    const s = app.consoleSessions;
    const limiter = createRateLimiter(opts.signInLimit ?? DEFAULT_SIGN_IN_LIMIT, s.now);

    app.post('/session', async (req, reply) => {
      if (!csrfHeaderPresent(req, reply)) return reply;
      const waitMs = limiter.take(req.ip);
      if (waitMs > 0) {
        reply.header('retry-after', String(Math.ceil(waitMs / 1000)));
        return refuse(reply, 429, 'TOO_MANY_ATTEMPTS', 'Too many sign-in attempts from this address; wait a few minutes and try again',
          'محاولات دخول كثيرة من هذا العنوان؛ انتظر بضع دقائق ثم أعد المحاولة');
      }
      const body = readBody(req, reply, SignInRequestSchema);
      if (body === null) return reply;
      const now = s.now();
      const user = await consoleUserForSignIn(s.pool, body.username);
      if (!user) {
        await verifyAgainstDecoy(body.password);
        return badCredentials(reply);
      }
      // While locked, the password is not even checked: guessing on gains nothing.
      if (user.lockedUntil && user.lockedUntil.getTime() > now) return locked(reply, user.lockedUntil, now);
      if (!(await verifyPassword(body.password, user.password))) {
        const until = await recordFailedSignIn(s.pool, user.id, new Date(now), s.maxFailedAttempts, s.lockoutMs);
        req.log.warn({ consoleUser: user.username, locked: until !== null }, 'console sign-in refused');
        return until ? locked(reply, until, now) : badCredentials(reply);
      }
      // Only someone who knows the password learns the account is switched off.
      if (!user.active) {
        return refuse(reply, 403, 'ACCOUNT_INACTIVE', 'This account is deactivated; ask an administrator',
          'هذا الحساب معطّل؛ راجع أحد المديرين');
      }
      await recordSignIn(s.pool, user.id);
      const token = randomBytes(32).toString('base64url');
      await insertConsoleSession(s.pool, { tokenHash: sessionTokenHash(token), userId: user.id, now: new Date(now), expiresAt: new Date(now + s.ttlMs) });
      req.log.info({ consoleUser: user.username }, 'console sign-in');
      reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(req, s.ttlMs));
      reply.header('cache-control', 'no-store');
      const me: ConsoleMe = { id: user.id, username: user.username, displayName: user.displayName, role: user.role };
      return me;
    });

    app.get('/session', { preHandler: requireRole('viewer') }, async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return req.consoleUser satisfies ConsoleMe | null;
    });

    // Signing out works even for an ended session: the cookie is cleared either way.
    app.delete('/session', async (req, reply) => {
      if (!csrfHeaderPresent(req, reply)) return reply;
      const token = sessionTokenOf(req);
      if (token !== null) await revokeConsoleSession(s.pool, sessionTokenHash(token), new Date(s.now()));
      reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(req));
      return reply.code(204).send();
    });
  };
}
