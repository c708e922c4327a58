// The first administrator. Checked, hashed, then ONE write transaction decides: no user exists,
// the admin is inserted, the step recorded and audited. Two requests racing each other make
// exactly one admin; the loser gets SETUP_DONE. Creating the first user is what ends setup.
import type { WriteDb } from '../../db/open';
import { insertUser } from '../../db/repos/users';
import { setLatinName } from '../../db/repos/setup';
import { hashPin } from '../auth/pin';
import { runStep } from './progress';
import { checkFirstAdmin } from './rules';

export interface FirstAdminInput { username: string; displayName: string; pin: string; displayNameLatin?: string; pinConfirm?: string; locale: 'ar' | 'en' }

export function createFirstAdmin(db: WriteDb, i: FirstAdminInput, at: string): { id: number; username: string } {
  const a = checkFirstAdmin(i);
  const pinHash = hashPin(a.pin);
  return runStep(db, 'admin', at, { username: a.username, locale: i.locale }, () => {
    const row = insertUser(db, { username: a.username, displayName: a.displayName, role: 'admin', pinHash, locale: i.locale }, at);
    setLatinName(db, row.id, a.displayNameLatin);
    return { id: row.id, username: row.username };
  }).value;
}
