// Every migration applies on the database the previous ones left, is recorded, and a database
// from a newer Shahn is refused without being touched.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { currentVersion, loadMigrations, migrate, MigrationError } from '../../../db/migrate';
import { openDb } from '../../../db/open';

const tmpFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shahn-mig-')), 'db.sqlite');
const tables = (db: Database.Database) =>
  (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[]).map((r) => r.name);

describe('migrations', () => {
  const all = loadMigrations();

  it('are numbered from 1 with no gap', () => {
    expect(all.map((m) => m.version)).toEqual(all.map((_, i) => i + 1));
  });

  it.each(all.map((m) => [m.version, m.name] as const))('migration %i (%s) applies on top of the ones before it', (version) => {
    const db = new Database(tmpFile());
    migrate(db, all, version - 1);
    expect(currentVersion(db)).toBe(version - 1);
    expect(migrate(db, all, version)).toEqual([version]);
    expect(currentVersion(db)).toBe(version);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });

  it('0001 creates the tables the app needs, with money checks and an append-only audit log', () => {
    const db = new Database(tmpFile());
    migrate(db, all, 1);
    expect(tables(db)).toEqual(expect.arrayContaining(['users', 'customers', 'meters', 'tariff_schedules', 'tariff_periods', 'sales', 'outbox', 'audit_log', 'settings', 'schema_migrations']));
    db.prepare(`INSERT INTO audit_log (at, action, details, prev_hash, hash) VALUES ('t', 'x', '{}', 'p', 'h')`).run();
    expect(() => db.prepare(`UPDATE audit_log SET action = 'y'`).run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    db.close();
  });

  it('a failing migration leaves nothing half-applied', () => {
    const db = new Database(tmpFile());
    const broken = [...all, { version: all.length + 1, name: 'broken', sql: 'CREATE TABLE half (x INTEGER); INSERT INTO nowhere VALUES (1);' }];
    expect(() => migrate(db, broken)).toThrow();
    expect(currentVersion(db)).toBe(all.length);
    expect(tables(db)).not.toContain('half');
    db.close();
  });

  it('refuses a database written by a newer Shahn, and changes nothing', () => {
    const file = tmpFile();
    const db = new Database(file);
    migrate(db, all);
    db.prepare(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'from_the_future', 'x')`).run(all.length + 1);
    db.close();
    const before = fs.readFileSync(file);
    expect(() => openDb(file)).toThrow(MigrationError);
    expect(() => openDb(file)).toThrow(/newer Shahn/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('opens with WAL, foreign keys on and durable commits', () => {
    const db = openDb(tmpFile());
    expect(db.write.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.write.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.write.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(() => db.read.prepare(`INSERT INTO settings VALUES ('k', '1', 't')`).run()).toThrow(/readonly/);
    db.close();
  });
});
