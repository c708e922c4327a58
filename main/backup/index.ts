// Database backups (online, scheduled, at shift close, on demand) and the restore command's logic.
export { backupNow, listBackups, scheduleBackups, type BackupReason, type BackupResult } from './backup';
export { restoreBackup, RestoreRefused, DB_NAME, PID_NAME } from './restore';
