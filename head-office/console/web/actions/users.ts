// The users page's actions (administrators only; the service checks).
import { api } from '../lib/api';
import type { ConsoleRole } from '../../roles';
import type { ConsoleUserView } from '../../wire';

export const loadUsers = async (): Promise<ConsoleUserView[]> => (await api<{ users: ConsoleUserView[] }>('GET', '/users')).users;

export const createUser = (u: { username: string; displayName: string; role: ConsoleRole; password: string }): Promise<ConsoleUserView> =>
  api<ConsoleUserView>('POST', '/users', u);

export const changeUser = (id: number, change: { role?: ConsoleRole; active?: boolean; displayName?: string }): Promise<ConsoleUserView> =>
  api<ConsoleUserView>('PATCH', `/users/${id}`, change);

export const resetPassword = (id: number, password: string): Promise<ConsoleUserView> => api<ConsoleUserView>('POST', `/users/${id}/password`, { password });
