// auth.* and approvals.*: who is at the till (login, logout, the session's user, their own PIN)
// and a supervisor's approval given at the till.
import type { Db } from '../../db/open';
import { requireUser, type NamespaceHandlers } from '../ipc/handlers';
import { grantApproval } from './approval';
import { login } from './login';
import { changeOwnPin } from './own-pin';
import type { SessionStore } from './sessions';

export interface AuthDeps {
  db: Db;
  sessions: SessionStore;
  now: () => Date;
}

export function authHandlers(d: AuthDeps): NamespaceHandlers<'auth' | 'approvals'> {
  const w = d.db.write;
  return {
    'auth.login': ({ username, pin }) => {
      const user = login(w, username, pin, d.now());
      return { token: d.sessions.open(user), user };
    },
    'auth.logout': (_i, ctx) => {
      d.sessions.close(ctx.token);
      return { ok: true as const };
    },
    'auth.me': (_i, ctx) => requireUser(ctx),
    'auth.changePin': ({ currentPin, newPin }, ctx) => {
      changeOwnPin(w, requireUser(ctx), currentPin, newPin, d.now().toISOString());
      return { ok: true as const };
    },
    'approvals.grant': (i, ctx) => grantApproval(w, requireUser(ctx), i, d.now()),
  };
}
