import { invoke, toFailure } from '../transport';
import { useUsers } from '../stores/users';
import { loadUsers } from './usersLoad';
import type { AdminUser, Bilingual, Role } from '../../preload/contract';

export interface UserDraft { username: string; displayName: string; role: Role; locale: 'ar' | 'en'; active: boolean; pin: string }

/** Admin: create a user (with the first PIN) or change name, role, language, active. */
export async function saveUser(existing: AdminUser | null, d: UserDraft): Promise<Bilingual | null> {
  try {
    const saved = existing
      ? await invoke('users.update', { id: existing.id, displayName: d.displayName.trim(), role: d.role, locale: d.locale, active: d.active })
      : await invoke('users.create', { username: d.username.trim(), displayName: d.displayName.trim(), role: d.role, locale: d.locale, pin: d.pin });
    useUsers.getState().patch({ editing: saved, justSaved: saved.id });
    await loadUsers();
    return null;
  } catch (e) {
    return toFailure(e).error.message;
  }
}

/** Admin: set a new PIN for a user (who forgot theirs). */
export async function setUserPin(id: number, pin: string): Promise<Bilingual | null> {
  try {
    await invoke('users.setPin', { id, pin });
    await loadUsers();
    return null;
  } catch (e) {
    return toFailure(e).error.message;
  }
}
