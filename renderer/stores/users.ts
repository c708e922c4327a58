import { create } from 'zustand';
import type { AdminUser, Bilingual } from '../../preload/contract';

interface UsersState {
  users: AdminUser[];
  loaded: boolean;
  error: Bilingual | null;
  /** The form on the side: a user to edit, 'new', or nothing. */
  editing: AdminUser | 'new' | null;
  /**
   * The user just saved: the form is mounted afresh for the saved record (its key changes with the
   * record), so it takes the "saved" line from here once instead of losing it.
   */
  justSaved: number | null;
  /** The top bar's "Change my PIN" dialog. */
  changePinOpen: boolean;
  patch(p: Partial<Omit<UsersState, 'patch'>>): void;
}

export const useUsers = create<UsersState>()((set) => ({
  users: [],
  loaded: false,
  error: null,
  editing: null,
  justSaved: null,
  changePinOpen: false,
  patch: (p) => set(p),
}));
