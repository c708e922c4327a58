// users.*: an admin's user records (create, edit, PINs, unlock); a deactivated or demoted user's
// sessions end at once.
import type { Db } from '../../db/open';
import type { SessionStore } from '../auth/sessions';
import { requireUser, type NamespaceHandlers } from '../ipc/handlers';
import { createUser, listUsers, setPin, unlockUser, updateUser } from './admin';

export interface UsersDeps {
  db: Db;
  sessions: SessionStore;
  now: () => Date;
}

export function usersHandlers(d: UsersDeps): NamespaceHandlers<'users'> {
  const w = d.db.write;
  const at = () => d.now().toISOString();
  return {
    'users.list': ({ includeInactive }) => listUsers(d.db.read, includeInactive),
    'users.create': (i, ctx) => createUser(w, requireUser(ctx), i, at()),
    'users.update': ({ id, ...change }, ctx) => {
      const { user, endSessions } = updateUser(w, requireUser(ctx), id, change, at());
      if (endSessions) d.sessions.closeUser(id);
      return user;
    },
    'users.setPin': ({ id, pin }, ctx) => setPin(w, requireUser(ctx), id, pin, at()),
    'users.unlock': ({ id }, ctx) => unlockUser(w, requireUser(ctx), id, at()),
  };
}
