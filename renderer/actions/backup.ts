// 'Back up now' (supervisor): an online copy of the database, checked before it is kept.
import type { Bilingual, ChannelOutput } from '../../preload/contract';
import { invoke, toFailure } from '../transport';

export type BackupOutcome = { ok: true; result: ChannelOutput<'backup.now'> } | { ok: false; error: Bilingual };

export async function backupNow(): Promise<BackupOutcome> {
  try {
    return { ok: true, result: await invoke('backup.now', {}) };
  } catch (e) {
    return { ok: false, error: toFailure(e).error.message };
  }
}
