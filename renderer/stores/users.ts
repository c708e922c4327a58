import { create } from 'zustand';
import type { AdminUser, Bilingual } from '../../preload/contract';

interface UsersState {
  users: AdminUser[];
  loaded: boolean;
  error: Bilingual | null;
  /** The form on the side: a user to edit, 'new', or nothing. */
  editing: AdminUser | 'new' | null;
  /** The top bar's "Change my PIN" dialog. */
  changePinOpen: boolean;
  patch(p: Partial<Omit<UsersState, 'patch'>>): void;
}

export const useUsers = create<UsersState>()((set) => ({
  users: [],
  loaded: false,
  error: null,
  editing: null,
  changePinOpen: false,
  patch: (p) => set(p),
}));
