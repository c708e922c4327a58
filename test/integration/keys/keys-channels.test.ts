// keys.* end to end (admin): a key is loaded typed twice or from a key file, listed by its KCV with
// who loaded it and when, retired; every bad input is refused in both languages and writes
// nothing; every write is audited without the key; keys loaded before KCVs get theirs at start.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../../preload/contract';
import { startHarness, type Harness } from '../../helpers/harness';
import { snapshot } from '../security/db-snapshot';
import { users, type Users } from '../day/helpers';
import { createVendingKeyStore, loadMasterKey, seal } from '../../../main/keys';

let h: Harness;
let u: Users;
beforeAll(async () => {
  h = await startHarness();
  u = await users(h);
});
afterAll(() => h.close());

const KEY = '0123456789abcdef'; // FIPS 81's DES example key: KCV D5D44F
const typed = (o: Partial<Extract<ChannelInput<'keys.put'>, { source: 'typed' }>> = {}): ChannelInput<'keys.put'> => ({
  source: 'typed', sgc: '600001', krn: 2, keyType: 2, baseDate: 2014, ea: '07', dkga: '02', expiresAt: null, vendingKeyHex: KEY, vendingKeyHexAgain: KEY, ...o,
});
const audit = (action: string) => (h.app.db.read.prepare('SELECT user_id, entity_id, details FROM audit_log WHERE action = ? ORDER BY id').all(action) as { user_id: number; entity_id: string; details: string }[]);
const adminId = () => (h.app.db.read.prepare(`SELECT id FROM users WHERE username = 'admin'`).get() as { id: number }).id;

describe('keys.list', () => {
  it('lists the demo key (the STS test key) by its KCV, never the key', async () => {
    const list = await u.call('admin', 'keys.list', {});
    expect(list).toEqual([expect.objectContaining({
      sgc: '123456', krn: 1, keyType: 2, baseDate: 2014, ea: '07', dkga: '02', expiresAt: null, kcv: 'C33F45', loadedBy: null, retiredAt: null, retiredBy: null, status: 'active',
    })]);
    expect(JSON.stringify(list)).not.toMatch(/abababab/i);
    for (const who of ['cashier', 'supervisor'] as const) expect((await u.fail(who, 'keys.list', {})).code).toBe('FORBIDDEN');
  });
});

describe('keys.put', () => {
  it('refuses, in both languages and writing nothing: a mismatch, bad hex, a weak key, a 32-digit DKGA02 key, a past expiry, a wrong KCV, a bad key file', async () => {
    const before = snapshot(h.app.db.read);
    const bad: [ChannelInput<'keys.put'>, string, RegExp][] = [
      [typed({ vendingKeyHexAgain: '0123456789abcdee' }), 'BAD_INPUT', /not the same/],
      [typed({ vendingKeyHex: 'xyz', vendingKeyHexAgain: 'xyz' }), 'BAD_INPUT', /16 or 32 hexadecimal/],
      [typed({ vendingKeyHex: '0'.repeat(16), vendingKeyHexAgain: '0'.repeat(16) }), 'BAD_INPUT', /weak key/],
      [typed({ vendingKeyHex: KEY + 'fedcba9876543210', vendingKeyHexAgain: KEY + 'fedcba9876543210' }), 'BAD_INPUT', /DKGA02/],
      [typed({ expiresAt: '2020-01-01' }), 'BAD_INPUT', /expiry date 2020-01-01/],
      [typed({ expectedKcv: 'C33F45' }), 'BAD_INPUT', /check value is D5D44F, not C33F45/],
      [{ source: 'file', keyFile: 'SGC = 600001\nKRN = 2\n', replace: false }, 'BAD_INPUT', /key file cannot be read: .*KEY_TYPE/],
      [typed({ sgc: '123456', krn: 1 }), 'CONFLICT', /already loaded \(KCV C33F45\)/],
    ];
    for (const [input, code, en] of bad) {
      const e = await u.fail('admin', 'keys.put', input);
      expect(e.code).toBe(code);
      expect(e.message.en).toMatch(en);
      expect(`${e.message.en} ${e.message.ar}`).not.toContain(KEY);
    }
    expect((await u.fail('supervisor', 'keys.put', typed())).code).toBe('FORBIDDEN');
    expect(snapshot(h.app.db.read)).toEqual(before);
  });

  it('loads a key typed twice: listed with its KCV, who loaded it and when; audited without the key', async () => {
    const k = await u.call('admin', 'keys.put', typed({ vendingKeyHex: KEY.toUpperCase(), expectedKcv: 'd5d44f', expiresAt: '2099-12-31' }));
    expect(k).toMatchObject({ sgc: '600001', krn: 2, kcv: 'D5D44F', loadedBy: 'مدير النظام', status: 'active', expiresAt: '2099-12-31', retiredAt: null });
    expect((await u.call('admin', 'keys.list', {})).find((x) => x.id === k.id)).toEqual(k);
    const [row] = audit('keys.put');
    expect(row).toMatchObject({ user_id: adminId(), entity_id: '600001:2' });
    expect(JSON.parse(row!.details)).toMatchObject({ id: k.id, kcv: 'D5D44F', dkga: '02', source: 'typed', replaced: null });
    expect(JSON.stringify(h.app.db.read.prepare('SELECT * FROM audit_log').all())).not.toMatch(/0123456789abcdef/i);
    expect(JSON.stringify(h.app.db.read.prepare('SELECT * FROM vending_keys').all())).not.toMatch(/0123456789abcdef/i);
  });

  it('replaces an active key only when asked: the old one is retired in the same step, both listed', async () => {
    const old = (await u.call('admin', 'keys.list', {})).find((x) => x.sgc === '600001' && x.status === 'active')!;
    expect((await u.fail('admin', 'keys.put', { source: 'file', keyFile: FILE, replace: false })).code).toBe('CONFLICT');
    const k = await u.call('admin', 'keys.put', { source: 'file', keyFile: FILE, replace: true });
    expect(k).toMatchObject({ sgc: '600001', krn: 2, keyType: 1, dkga: '04', ea: '11', kcv: 'D97CDE', status: 'active' });
    const list = await u.call('admin', 'keys.list', {});
    expect(list.find((x) => x.id === old.id)).toMatchObject({ status: 'retired', retiredBy: 'مدير النظام', kcv: 'D5D44F' });
    expect(list.filter((x) => x.sgc === '600001').map((x) => x.status)).toEqual(['active', 'retired']);
    expect(JSON.parse(audit('keys.retire').at(-1)!.details)).toMatchObject({ id: old.id, kcv: 'D5D44F', reason: 'replaced' });
    expect(JSON.parse(audit('keys.put').at(-1)!.details)).toMatchObject({ id: k.id, source: 'file', replaced: old.id });
  });
});

const FILE = `# a DKGA04 / EA11 key with a double-length key
SGC = 600001
KRN = 2
KEY_TYPE = 1
BASE_DATE = 2014
EA = 11
DKGA = 04
KCV = D97CDE
VENDING_KEY = abababababababab0123456789abcdef
`;

describe('keys.retire', () => {
  it('retires once (audited with the KCV); again is a CONFLICT, an unknown id NOT_FOUND', async () => {
    const k = (await u.call('admin', 'keys.list', {})).find((x) => x.sgc === '600001' && x.status === 'active')!;
    expect((await u.fail('supervisor', 'keys.retire', { id: k.id })).code).toBe('FORBIDDEN');
    const r = await u.call('admin', 'keys.retire', { id: k.id });
    expect(r).toMatchObject({ id: k.id, status: 'retired', retiredBy: 'مدير النظام' });
    expect(JSON.parse(audit('keys.retire').at(-1)!.details)).toEqual({ id: k.id, kcv: 'D97CDE', reason: 'retired' });
    const before = snapshot(h.app.db.read);
    expect((await u.fail('admin', 'keys.retire', { id: k.id })).code).toBe('CONFLICT');
    expect((await u.fail('admin', 'keys.retire', { id: 9999 })).code).toBe('NOT_FOUND');
    expect(snapshot(h.app.db.read)).toEqual(before);
    // A retired SGC/KRN takes a new key without "replace": nothing active is in the way.
    expect(await u.call('admin', 'keys.put', typed())).toMatchObject({ status: 'active', kcv: 'D5D44F' });
  });
});

describe('keys loaded before key check values were kept', () => {
  it('get their KCV when the store fills them in (createApp does at start); a damaged one stays without', () => {
    const w = h.app.db.write;
    const master = loadMasterKey(h.dataDir);
    w.prepare(`INSERT INTO vending_keys (sgc, krn, sealed, created_at) VALUES ('700001', 1, ?, '2025-01-01T00:00:00.000Z')`).run(seal(master, 'abababababababab', '700001:1'));
    w.prepare(`INSERT INTO vending_keys (sgc, krn, sealed, created_at) VALUES ('700001', 2, ?, '2025-01-01T00:00:00.000Z')`).run(seal(master, 'abababababababab', 'another:row'));
    expect(createVendingKeyStore(w, master).fillMissingKcv()).toBe(1);
    const kcv = (krn: number) => (w.prepare(`SELECT kcv FROM vending_keys WHERE sgc = '700001' AND krn = ?`).get(krn) as { kcv: string | null }).kcv;
    expect(kcv(1)).toBe('C33F45');
    expect(kcv(2)).toBeNull();
  });
});
