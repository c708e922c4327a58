import { invoke, toFailure } from '../transport';
import { useUsers } from '../stores/users';

export async function loadUsers(): Promise<void> {
  try {
    const users = await invoke('users.list', { includeInactive: true });
    useUsers.getState().patch({ users, loaded: true, error: null });
  } catch (e) {
    useUsers.getState().patch({ loaded: true, error: toFailure(e).error.message });
  }
}

/** A supervisor lets a locked-out cashier try again. */
export async function unlockUser(id: number): Promise<void> {
  try {
    await invoke('users.unlock', { id });
    await loadUsers();
  } catch (e) {
    useUsers.getState().patch({ error: toFailure(e).error.message });
  }
}
