// Sessions live in memory: a restart logs everyone out, which is what a till should do.
// The token is random; only its SHA-256 is kept so a memory dump does not hand out sessions.
import { createHash, randomBytes } from 'node:crypto';
import type { User } from '../../preload/contract';

export interface Session {
  user: User;
  expiresAt: number;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

// The default reads the clock on each call (not a captured Date.now), so a test can move time.
export function createSessionStore(ttlMs: number, now: () => number = () => Date.now()) {
  const sessions = new Map<string, Session>();
  return {
    open(user: User): string {
      const token = randomBytes(32).toString('base64url');
      sessions.set(hashToken(token), { user, expiresAt: now() + ttlMs });
      return token;
    },
    /**
     * The session for a token; null when unknown or expired. A call the cashier made slides the
     * expiry; background polling (slide = false) must not keep an unattended till logged in.
     */
    get(token: string | undefined, slide = true): Session | null {
      if (!token) return null;
      const key = hashToken(token);
      const s = sessions.get(key);
      if (!s) return null;
      if (s.expiresAt <= now()) {
        sessions.delete(key);
        return null;
      }
      if (slide) s.expiresAt = now() + ttlMs;
      return s;
    },
    close(token: string | undefined): void {
      if (token) sessions.delete(hashToken(token));
    },
    /** Ends every session of one user (deactivated, or their role changed). */
    closeUser(userId: number): void {
      for (const [k, s] of sessions) if (s.user.id === userId) sessions.delete(k);
    },
  };
}
export type SessionStore = ReturnType<typeof createSessionStore>;
