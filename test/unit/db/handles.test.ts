// The read handle cannot write. At compile time: ReadDb has no exec(), transaction() or run(), and
// a repository function that writes takes a WriteDb (each @ts-expect-error below fails the
// typecheck the day the protection stops working). At run time: the handle is opened readonly.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type Db, type ReadDb, type WriteDb } from '../../../db/open';
import { readSetting, writeSetting } from '../../../db/repos/settings';
import { stmt } from '../../../db/repos/stmt';

const INSERT = `INSERT INTO settings (key, value_json, updated_at) VALUES ('k', '1', 't')`;

// Never called: these only have to typecheck (or, where marked, fail to).
export function typeChecks(db: Db): void {
  // @ts-expect-error a read statement has no run()
  db.read.prepare(INSERT).run();
  // @ts-expect-error nor does a cached one
  stmt(db.read, INSERT).run();
  // @ts-expect-error pluck() and friends return the read statement, not a full one
  db.read.prepare(INSERT).pluck().run();
  // @ts-expect-error the read handle has no exec()
  db.read.exec(INSERT);
  // @ts-expect-error nor transaction()
  db.read.transaction(() => undefined);
  // @ts-expect-error nor pragma(): a pragma can set
  db.read.pragma('foreign_keys = OFF');
  // @ts-expect-error a repository function that writes takes the write handle
  writeSetting(db.read, 'k', 1, 't');

  // The write handle is a read handle too: a read inside a write transaction sees its writes.
  const asRead: ReadDb = db.write;
  readSetting(asRead, 'k');
  readSetting(db.write, 'k');
  stmt(db.write, INSERT).run();
  const w: WriteDb = db.write;
  w.transaction(() => writeSetting(w, 'k', 1, 't'))();
}

describe('database handles', () => {
  let db: Db | null = null;
  afterEach(() => db?.close());

  it('opens the read handle readonly: a write through it throws', () => {
    db = openDb(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shahn-handles-')), 'db.sqlite'));
    const forced = db.read as unknown as WriteDb; // get past the type to reach the connection itself
    expect(() => forced.prepare(INSERT).run()).toThrow(/readonly/);
    expect(() => forced.exec(INSERT)).toThrow(/readonly/);
    expect(readSetting(db.read, 'k')).toBeUndefined();
    expect(typeof typeChecks).toBe('function');
  });
});
