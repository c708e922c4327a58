// backup.*: a backup on demand (the same online backup the schedule and shift close make).
import { err } from '../common/errors';
import type { NamespaceHandlers } from '../ipc/handlers';
import type { BackupReason, BackupResult } from './backup';

export interface BackupDeps {
  backup: (reason: BackupReason) => Promise<BackupResult>;
  log: { error(o: object, msg: string): void };
}

export function backupHandlers(d: BackupDeps): NamespaceHandlers<'backup'> {
  return {
    'backup.now': async () => {
      try {
        const r = await d.backup('manual');
        return { file: r.file, bytes: r.bytes, at: r.at };
      } catch (e) {
        d.log.error({ err: (e as Error).message }, 'backup failed');
        throw err('INTERNAL', `The backup failed: ${(e as Error).message}. Check the backup folder and try again.`,
          `فشل النسخ الاحتياطي: ${(e as Error).message}. تحقق من مجلد النسخ الاحتياطي وحاول مرة أخرى.`);
      }
    },
  };
}
