import { invoke } from '../transport';
import { useSession } from '../stores/session';

export async function login(username: string, pin: string): Promise<void> {
  const { token, user } = await invoke('auth.login', { username: username.trim(), pin });
  useSession.getState().signIn(token, user);
}

export async function logout(): Promise<void> {
  try {
    await invoke('auth.logout', {});
  } catch {
    // Signing out locally is what matters; main expires the session on its side.
  } finally {
    useSession.getState().signOut(); // App clears the sale flow, sync and recent stores
  }
}
