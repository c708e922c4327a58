import { create } from 'zustand';
import type { AppInfo, Bilingual, User } from '../../preload/contract';

export type Lang = 'ar' | 'en';
export type Digits = 'latn' | 'arab';

const DIGITS_KEY = 'shahn.digits'; // a display preference of this counter: nothing secret
const savedDigits = (): Digits => {
  try {
    return globalThis.localStorage?.getItem(DIGITS_KEY) === 'arab' ? 'arab' : 'latn';
  } catch {
    return 'latn';
  }
};

interface SessionState {
  info: AppInfo | null;
  /** Bearer token for the HTTP transport. Memory only: never written to storage. */
  token: string | null;
  user: User | null;
  lang: Lang;
  /** Digits for numbers shown in Arabic: Latin (default) or Arabic-Indic. A counter preference. */
  digits: Digits;
  /** Why the last session ended without a logout (shown on the login screen). */
  expiredReason: Bilingual | null;
  setInfo(info: AppInfo): void;
  setLang(lang: Lang): void;
  setDigits(digits: Digits): void;
  signIn(token: string, user: User): void;
  signOut(): void;
  expire(reason: Bilingual): void;
}

export const useSession = create<SessionState>()((set, get) => ({
  info: null,
  token: null,
  user: null,
  lang: 'ar',
  digits: savedDigits(),
  expiredReason: null,
  setInfo: (info) => set({ info, lang: get().user ? get().lang : info.defaultLocale }),
  setLang: (lang) => set({ lang }),
  setDigits: (digits) => {
    try {
      globalThis.localStorage?.setItem(DIGITS_KEY, digits);
    } catch {
      /* private mode: the choice lasts for this session */
    }
    set({ digits });
  },
  signIn: (token, user) => set({ token, user, lang: user.locale, expiredReason: null }),
  signOut: () => set({ token: null, user: null, expiredReason: null }),
  expire: (reason) => {
    if (get().user) set({ token: null, user: null, expiredReason: reason });
  },
}));
