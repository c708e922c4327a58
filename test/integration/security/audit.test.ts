// The audit trail: every login (ok, failed, locked), sale, reprint, meter command and setting
// change leaves a row; `npm run audit:verify` says OK with the row count; and an audit row edited
// directly in SQLite (trigger dropped, or bytes changed in the file) is named by audit:verify.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../main/audit/append';
import { checkAuditChain } from '../../../main/audit/verify';
import { startHarness, type Harness } from '../../helpers/harness';
import { DEMO_ACREL_METERS, DEMO_STS_METERS } from '../../sim/demo-data';

const ROOT = path.join(__dirname, '../../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
function auditVerify(arg: string) {
  const r = spawnSync(TSX, [path.join(ROOT, 'scripts/audit-verify.ts'), arg], { encoding: 'utf8', env: { ...process.env, SHAHN_DATA_DIR: '' } });
  return { status: r.status, out: r.stdout + r.stderr };
}

let h: Harness;
let dbFile: string;
let actions: string[];
let saleId: string;
beforeAll(async () => {
  h = await startHarness();
  dbFile = path.join(h.dataDir, 'shahn.sqlite');
  await h.login('cashier', '1111');
  const sale = await h.call('sales.sell', await h.confirmed({ meterNumber: DEMO_STS_METERS[0]!.number, amountMinor: 1000, tenderedMinor: 1000, paymentMethod: 'cash' }));
  saleId = sale.id;
  await h.call('sales.print', { id: sale.id }); // already printed once: this is a copy
  await h.login('supervisor', '2222');
  const { settings } = await h.call('printer.settings', {});
  await h.call('printer.saveSettings', { ...settings, footer: { ar: 'شكراً', en: 'Thank you' } });
  await h.call('meters.command', { meterNumber: DEMO_ACREL_METERS[0]!.number, command: { kind: 'disconnect', reason: 'audit test' } });
  for (let i = 0; i < 5; i++) await h.raw('auth.login', { username: 'cashier', pin: '0000' }, null);
  await h.raw('auth.login', { username: 'nobody', pin: '0000' }, null);
  actions = (h.app.db.read.prepare('SELECT action FROM audit_log').all() as { action: string }[]).map((r) => r.action);
  await h.close(); // checkpoints the WAL: everything is in the main file now
});
afterAll(() => fs.rmSync(h.dataDir, { recursive: true, force: true }));

describe('what is audited', () => {
  it.each([
    ['login', 'login'], ['failed login', 'login.failed'], ['lockout', 'login.locked'], ['sale', 'sale.paid'], ['sale outcome', 'sale.issued'],
    ['reprint', 'receipt.reprint'], ['meter command', 'meter.command.requested'], ['setting change', 'settings.printer'],
  ])('%s -> %s', (_what, action) => {
    expect(actions).toContain(action);
  });
});

describe('npm run audit:verify', () => {
  it('says OK with the row count on an untouched database', () => {
    const r = auditVerify(h.dataDir);
    expect(r.status).toBe(0);
    expect(r.out).toContain(`OK: audit log intact, ${actions.length} rows`);
    expect(auditVerify(dbFile).status).toBe(0); // the file itself works too
  });

  it('refuses without a database, with exit code 2', () => {
    expect(auditVerify(path.join(h.dataDir, 'nope.sqlite')).status).toBe(2);
  });

  it('names the row edited through SQLite with the append-only trigger dropped', () => {
    const copy = path.join(h.dataDir, 'tampered-sql.sqlite');
    fs.copyFileSync(dbFile, copy);
    const db = new Database(copy);
    const row = db.prepare(`SELECT id, action, at FROM audit_log WHERE action = 'sale.paid'`).get() as { id: number; action: string; at: string };
    expect(() => db.prepare('UPDATE audit_log SET details = ? WHERE id = ?').run('{}', row.id)).toThrow(/append-only/);
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare(`UPDATE audit_log SET details = json_set(details, '$.chargedMinor', 1) WHERE id = ?`).run(row.id); // a cheaper sale
    db.exec(`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;`);
    db.close();
    const r = auditVerify(copy);
    expect(r.status).toBe(1);
    expect(r.out).toContain(`audit row ${row.id} (sale.paid, ${row.at})`);
    expect(r.out).toContain('edited');
  });

  it('names the row after one deleted from the middle of the chain', () => {
    const copy = path.join(h.dataDir, 'tampered-delete.sqlite');
    fs.copyFileSync(dbFile, copy);
    const db = new Database(copy);
    const failed = db.prepare(`SELECT id FROM audit_log WHERE action = 'login.failed' ORDER BY id LIMIT 1`).get() as { id: number };
    db.exec('DROP TRIGGER audit_log_no_delete');
    db.prepare('DELETE FROM audit_log WHERE id = ?').run(failed.id);
    const next = db.prepare('SELECT id, action FROM audit_log WHERE id > ? ORDER BY id LIMIT 1').get(failed.id) as { id: number; action: string };
    db.close();
    const r = auditVerify(copy);
    expect(r.status).toBe(1);
    expect(r.out).toContain(`audit row ${next.id} (${next.action}`);
  });

  it('names the row whose bytes were changed directly in the database file', () => {
    const copy = path.join(h.dataDir, 'tampered-bytes.sqlite');
    const original = new Database(dbFile, { readonly: true });
    const { details } = original.prepare(`SELECT details FROM audit_log WHERE entity_id = ? AND action = 'sale.paid'`).get(saleId) as { details: string };
    original.close();
    // Change one digit of the meter number inside that row's details, behind SQLite's back
    // (same length, so the file stays a valid database and only the chain can tell).
    const bytes = fs.readFileSync(dbFile);
    const pos = bytes.indexOf(Buffer.from(details));
    expect(pos).toBeGreaterThan(0);
    const digit = pos + details.indexOf(DEMO_STS_METERS[0]!.number) + 1;
    bytes[digit] = bytes[digit] === 0x39 ? 0x38 : 0x39;
    fs.writeFileSync(copy, bytes);
    const db = new Database(copy, { readonly: true });
    const row = db.prepare(`SELECT id, details FROM audit_log WHERE entity_id = ? AND action = 'sale.paid'`).get(saleId) as { id: number; details: string };
    expect(row.details).not.toBe(details);
    expect(verifyAuditChain(db)).toBe(row.id);
    expect(checkAuditChain(db)).toMatchObject({ ok: false, broken: { id: row.id, action: 'sale.paid' } });
    db.close();
    const r = auditVerify(copy);
    expect(r.status).toBe(1);
    expect(r.out).toContain(`audit row ${row.id} (sale.paid`);
  });
});
