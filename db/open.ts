// Opens the database the way money needs it: WAL, foreign keys, synchronous=FULL so a commit
// that returned is on disk. One write handle (all writes go through it) and one read-only handle
// for screens and reports, so a long read never blocks a sale.
import Database from 'better-sqlite3';
import { loadMigrations, migrate, refuseFutureSchema } from './migrate';

/**
 * A statement prepared on the read handle: it reads rows and has no run(). Spelled out rather
 * than Omit<Statement, 'run'> because pluck()/raw()/bind() return `this`, which through Omit
 * would hand back the full statement, run() included.
 */
export interface ReadStatement<P extends unknown[] = unknown[], R = unknown> {
  readonly source: string;
  readonly reader: boolean;
  get(...params: P): R | undefined;
  all(...params: P): R[];
  iterate(...params: P): IterableIterator<R>;
  pluck(toggleState?: boolean): this;
  expand(toggleState?: boolean): this;
  raw(toggleState?: boolean): this;
  bind(...params: P): this;
  columns(): Database.ColumnDefinition[];
}

/**
 * What reading needs of a connection, and nothing that writes: no run(), exec(), transaction(),
 * pragma() (a pragma can set), backup() or close(). The read handle is also opened readonly, so a
 * write would fail at run time anyway; this type makes it fail at compile time. A WriteDb is a
 * ReadDb, so a function that only reads can be given the write handle inside a transaction that
 * must see its own writes.
 */
export interface ReadDb {
  readonly name: string;
  readonly open: boolean;
  readonly readonly: boolean;
  readonly inTransaction: boolean;
  prepare<P extends unknown[] = unknown[], R = unknown>(source: string): ReadStatement<P, R>;
}

/**
 * The write handle: the whole better-sqlite3 connection. Left unbranded so that a connection
 * opened directly (new Database(file): migrations, tests, tools) can be passed where one is needed.
 */
export type WriteDb = Database.Database;

export interface Db {
  write: WriteDb;
  read: ReadDb;
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
