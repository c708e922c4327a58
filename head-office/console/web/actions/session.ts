// Signing in and out of the console.
import { api } from '../lib/api';
import type { ConsoleMe } from '../../wire';

export const signIn = (username: string, password: string): Promise<ConsoleMe> => api<ConsoleMe>('POST', '/session', { username, password }, { quietSignedOut: true });

export const signOut = (): Promise<void> => api<void>('DELETE', '/session', undefined, { quietSignedOut: true });
