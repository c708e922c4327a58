import { create } from 'zustand';
import type { AppInfo, Bilingual, User } from '../../preload/contract';

export type Lang = 'ar' | 'en';

interface SessionState {
  info: AppInfo | null;
  /** Bearer token for the HTTP transport. Memory only: never written to storage. */
  token: string | null;
  user: User | null;
  lang: Lang;
  /** Why the last session ended without a logout (shown on the login screen). */
  expiredReason: Bilingual | null;
  setInfo(info: AppInfo): void;
  setLang(lang: Lang): void;
  signIn(token: string, user: User): void;
  signOut(): void;
  expire(reason: Bilingual): void;
}

export const useSession = create<SessionState>()((set, get) => ({
  info: null,
  token: null,
  user: null,
  lang: 'ar',
  expiredReason: null,
  setInfo: (info) => set({ info, lang: get().user ? get().lang : info.defaultLocale }),
  setLang: (lang) => set({ lang }),
  signIn: (token, user) => set({ token, user, lang: user.locale, expiredReason: null }),
  signOut: () => set({ token: null, user: null, expiredReason: null }),
  expire: (reason) => {
    if (get().user) set({ token: null, user: null, expiredReason: reason });
  },
}));
