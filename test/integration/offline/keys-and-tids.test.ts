// The vending-key store and the local TID rule on their own: a sealed key opens only with its
// master key and its own SGC/KRN, errors never carry the key, and local TIDs skip past every TID
// an unresolved vendor sale may hold.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../../db/open';
import { createVendingKeyStore, KeyStoreError, loadMasterKey, type KeyProtector } from '../../../main/keys';
import { localTid } from '../../../main/sales/local-vend';

let db: Db | undefined;
afterEach(() => { db?.close(); db = undefined; });
const KEY = '0123456789abcdef';
const ATTRS = { keyType: 2, baseDate: 2014, ea: '07', dkga: '02', expiresAt: null } as const;

describe('vending-key store', () => {
  it('seals, opens with the same master key only, and binds the key to its SGC/KRN', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shahn-keys-'));
    db = openDb(path.join(dir, 'shahn.sqlite'));
    const master = loadMasterKey(dir);
    expect(loadMasterKey(dir).equals(master)).toBe(true); // stable across opens
    const store = createVendingKeyStore(db.write, master);
    store.put({ ...ATTRS, sgc: '123456', krn: 1 }, KEY, new Date().toISOString());
    expect(store.use({ sgc: '123456', krn: 1 }, (k) => k)).toBe(KEY);
    expect(store.has({ sgc: '123456', krn: 2 })).toBe(false);
    // Moved to another SGC: the associated data no longer matches.
    // Copied to another SGC: the associated data no longer matches.
    db.write.prepare(`INSERT INTO vending_keys (sgc, krn, sealed, created_at) SELECT '654321', krn, sealed, created_at FROM vending_keys`).run();
    expect(() => store.use({ sgc: '654321', krn: 1 }, (k) => k)).toThrow(KeyStoreError);
    const other = createVendingKeyStore(db.write, randomBytes(32));
    let message = '';
    try { other.use({ sgc: '123456', krn: 1 }, (k) => k); } catch (e) { message = (e as Error).message; }
    expect(message).toMatch(/cannot be unsealed/);
    expect(message).not.toContain(KEY);
    expect(() => store.put({ ...ATTRS, sgc: '1', krn: 1 }, 'not-hex', 'x')).toThrow(/hex digits/);
  });

  it('a wrapping protector adopts a raw master key and removes the plain copy', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shahn-keys-'));
    const raw = loadMasterKey(dir);
    const xor: KeyProtector = { kind: 'test', wrap: (k) => Buffer.from(k.map((b) => b ^ 0x5a)), unwrap: (b) => Buffer.from(b.map((x) => x ^ 0x5a)) };
    expect(loadMasterKey(dir, xor).equals(raw)).toBe(true);
    expect(fs.existsSync(path.join(dir, 'keys', 'master.key'))).toBe(false);
    expect(fs.readFileSync(path.join(dir, 'keys', 'master.key.test')).equals(raw)).toBe(false);
    expect(loadMasterKey(dir, xor).equals(raw)).toBe(true);
  });
});

describe('local TID', () => {
  it('is max(last + 1, now) with no unknown sales, and skips k vendor TIDs otherwise', () => {
    expect(localTid(null, 100, 0)).toBe(100);
    expect(localTid(99, 100, 0)).toBe(100);
    expect(localTid(150, 100, 0)).toBe(151);
    // k unknown vendor sales may hold TIDs up to max(last, now) + k.
    expect(localTid(99, 100, 2)).toBe(103);
    expect(localTid(150, 100, 1)).toBe(152);
    expect(localTid(null, 100, 3)).toBe(104);
  });
});
