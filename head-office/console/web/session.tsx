// Who is signed in, for every page: read once at start (GET /console/api/session), set by
// sign-in, cleared by sign-out or by any request that finds the session ended.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, onSignedOut } from './lib/api';
import type { ConsoleMe } from '../wire';

interface SessionState {
  /** undefined: still asking the service. */
  me: ConsoleMe | null | undefined;
  /** True once a session ended under the user (not a plain first visit). */
  ended: boolean;
  setMe(me: ConsoleMe | null): void;
}

const Ctx = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMeState] = useState<ConsoleMe | null | undefined>(undefined);
  const [ended, setEnded] = useState(false);
  useEffect(() => {
    // Not signed in, or the service unreachable: the sign-in page says which when it is used.
    api<ConsoleMe>('GET', '/session', undefined, { quietSignedOut: true }).then(setMeState, () => setMeState(null));
    return onSignedOut(() => {
      setMeState(null);
      setEnded(true);
    });
  }, []);
  const setMe = (m: ConsoleMe | null) => {
    setMeState(m);
    setEnded(false);
  };
  return <Ctx.Provider value={{ me, ended, setMe }}>{children}</Ctx.Provider>;
}

export function useSession(): SessionState {
  const s = useContext(Ctx);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** The signed-in user (pages render only when there is one). */
export function useMe(): ConsoleMe {
  const me = useSession().me;
  if (!me) throw new Error('useMe with nobody signed in');
  return me;
}
