// The audit chain is verified one row at a time: a log far bigger than the verifier's heap is
// verified all the same, and the verifier never asks SQLite for every row at once.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../../db/open';
import { insertAuditRow } from '../../../db/repos/audit';
import { auditHash, GENESIS } from '../../../main/audit/append';
import { checkAuditChain } from '../../../main/audit/verify';

const ROOT = path.join(__dirname, '../../..');
const ROWS = 12_000;
const DETAILS_BYTES = 8_000; // ROWS x DETAILS_BYTES = 96 MB of details: twice the heap the verifier is given below
const HEAP_MB = 48;

let dir: string;
let file: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shahn-audit-big-'));
  file = path.join(dir, 'shahn.sqlite');
  const db = openDb(file);
  try {
    let prev = GENESIS;
    db.write.transaction(() => {
      for (let i = 0; i < ROWS; i++) {
        // Distinct content per row, so no two rows share a string and nothing compresses.
        const row = { at: new Date(Date.UTC(2025, 0, 1) + i * 1000).toISOString(), userId: 1, action: 'sale.paid', entity: 'sale', entityId: `s${i}`, details: JSON.stringify({ note: `${i}:`.padEnd(DETAILS_BYTES, String.fromCharCode(97 + (i % 26))) }) };
        const hash = auditHash(prev, row);
        insertAuditRow(db.write, { ...row, prev, hash });
        prev = hash;
      }
    })();
  } finally {
    db.close();
  }
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('audit chain verification in bounded memory', () => {
  it(`verifies ${ROWS} rows (${(ROWS * DETAILS_BYTES) / 1e6} MB of details) with a ${HEAP_MB} MB heap`, () => {
    // A verifier that held the rows (an .all(), an array of them) would die of heap exhaustion here.
    const r = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, '--import', 'tsx', path.join(ROOT, 'scripts/audit-verify.ts'), file], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, SHAHN_DATA_DIR: '' } });
    expect(r.stderr).not.toMatch(/heap out of memory/i);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`OK: audit log intact, ${ROWS} rows \\(last hash [0-9a-f]{16}…\\), verified in \\d+ ms, peak memory \\d+ MB`));
    expect(r.stdout).toMatch(new RegExp(`سليم: سجل التدقيق غير معدل، ${ROWS} سجل، تم التحقق في \\d+ ملّي ثانية، أقصى ذاكرة \\d+ ميغابايت`));
  }, 60_000);

  it('reads the log through iterate(), never all()', async () => {
    const Sqlite = (await import('better-sqlite3')).default;
    const db = new Sqlite(file, { readonly: true });
    const used: string[] = [];
    const prepare = db.prepare.bind(db);
    db.prepare = ((sql: string) => {
      const s = prepare(sql);
      s.all = () => { throw new Error(`all() of ${sql}`); };
      const iterate = s.iterate.bind(s);
      s.iterate = ((...a: unknown[]) => { used.push(sql); return iterate(...a); }) as typeof s.iterate;
      return s;
    }) as Database.Database['prepare'];
    try {
      expect(checkAuditChain(db)).toMatchObject({ ok: true, rows: ROWS });
      expect(used.some((sql) => /FROM audit_log/.test(sql))).toBe(true);
    } finally {
      db.close();
    }
  });
});
