// Opens the database the way money needs it: WAL, foreign keys, synchronous=FULL so a commit
// that returned is on disk. One write handle (all writes go through it) and one read-only handle
// for screens and reports, so a long read never blocks a sale.
import Database from 'better-sqlite3';
import { loadMigrations, migrate, refuseFutureSchema } from './migrate';

export interface Db {
  write: Database.Database;
  read: Database.Database;
  file: string;
  close(): void;
}

export function openDb(file: string): Db {
  if (file === ':memory:') throw new Error('Shahn needs a database file (WAL and a separate read handle need one)');
  const write = new Database(file);
  try {
    const migrations = loadMigrations();
    refuseFutureSchema(write, migrations.length); // before anything touches the file
    write.pragma('journal_mode = WAL');
    write.pragma('synchronous = FULL');
    write.pragma('foreign_keys = ON');
    write.pragma('busy_timeout = 5000');
    migrate(write, migrations);
  } catch (e) {
    write.close();
    throw e;
  }
  const read = new Database(file, { readonly: true, fileMustExist: true });
  read.pragma('foreign_keys = ON');
  read.pragma('busy_timeout = 5000');
  return {
    write,
    read,
    file,
    close() {
      read.close();
      write.close();
    },
  };
}
