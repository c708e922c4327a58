// `npm run restore -- <backup-file> [--data-dir DIR]`: puts a backup in place of the database.
// Refuses while Shahn runs on that folder; keeps the current database in <dataDir>/before-restore/
// first; checks the backup (integrity, schema) before touching anything. See main/backup/restore.ts.
import { defaultDataDir } from '../main/app/data-dir';
import { restoreBackup, RestoreRefused } from '../main/backup';

async function main() {
  const args = process.argv.slice(2);
  const i = args.indexOf('--data-dir');
  const dataDir = i >= 0 ? args[i + 1] : (process.env.SHAHN_DATA_DIR || defaultDataDir());
  const file = args.find((a, j) => !a.startsWith('--') && (i < 0 || j !== i + 1));
  if (!file || !dataDir) {
    console.error('usage: npm run restore -- <backup-file> [--data-dir DIR]   (default: $SHAHN_DATA_DIR, else the application-data folder)');
    process.exit(2);
  }
  const r = await restoreBackup({ file, dataDir });
  console.log(`Restored ${file} into ${dataDir} (schema ${r.version}, ${r.sales} sales).`);
  console.log(r.keptCopy ? `The database it replaced is kept at ${r.keptCopy}.` : 'There was no database to replace.');
}

main().catch((e: unknown) => {
  console.error(e instanceof RestoreRefused ? `Restore refused: ${e.message}` : `Restore failed: ${(e as Error).message}`);
  process.exit(1);
});
