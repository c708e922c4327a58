// Vending keys sealed at rest. Each key is encrypted with AES-256-GCM under the master key, with
// its SGC and KRN as associated data (a sealed key moved to another row does not open). The plain
// key is only ever handed to a callback inside main (use()): it is never returned over IPC, never
// logged and never put in an error message. What is shown of it is its key check value (kcv.ts),
// computed when it is loaded.
import path from 'node:path';
import type { WriteDb } from '../../db/open';
import { activeKey, insertKey, keysWithoutKcv, lastRetiredKey, listKeys, retireKey, setKcv, type VendingKeyRow } from '../../db/repos/vending-keys';
import { keyCheckValue } from './kcv';
import { fileProtector, loadMasterKey, type KeyProtector } from './master-key';
import { seal, unseal } from './seal';

export interface KeyRef { sgc: string; krn: number }

/** What the key certificate says about a key, beside the key itself. */
export interface KeyAttributes extends KeyRef {
  keyType: number;
  baseDate: 1993 | 2014 | 2035;
  ea: '07' | '11';
  dkga: '02' | '04';
  /** The last day the key may be used (YYYY-MM-DD, the counter's calendar), or null: no expiry. */
  expiresAt: string | null;
}

/** Whether a locally made token can use the key of an SGC and KRN, and if not, why. */
export type KeyState = 'active' | 'missing' | 'retired' | 'expired';

export interface KeyListEntry {
  id: number; sgc: string; krn: number; keyType: number | null; baseDate: 1993 | 2014 | 2035 | null; ea: '07' | '11' | null; dkga: '02' | '04' | null;
  expiresAt: string | null; kcv: string | null; loadedBy: string | null; loadedAt: string; retiredAt: string | null; retiredBy: string | null;
  status: 'active' | 'retired' | 'expired';
}

export class KeyStoreError extends Error {
  override name = 'KeyStoreError';
}

export interface VendingKeyStore {
  /** Seals and stores a key; the caller has checked it (key-rules.ts). Returns its row id and KCV. */
  put(key: KeyAttributes, vendingKeyHex: string, at: string, loadedBy?: number | null): { id: number; kcv: string };
  /** True when a token can be made with the key of this SGC and KRN now (loaded, not retired, not expired). */
  has(ref: KeyRef): boolean;
  state(ref: KeyRef): KeyState;
  /** Runs fn with the plain key of a usable key (see has); the key must not escape fn. */
  use<T>(ref: KeyRef, fn: (vendingKeyHex: string) => T): T;
  list(): KeyListEntry[];
  /** False when there is no such key or it is already retired. */
  retire(id: number, at: string, by: number | null): boolean;
  /** Records the KCV of keys loaded before KCVs were kept; returns how many it filled. */
  fillMissingKcv(): number;
}

const aad = (r: KeyRef) => `${r.sgc}:${r.krn}`;

/** The date in a time zone, as YYYY-MM-DD (en-CA formats dates that way). */
export const dayIn = (timeZone: string) => {
  const f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return (d: Date) => f.format(d);
};

export interface KeyStoreClock {
  now: () => Date;
  /** The counter's time zone: a key expires when the counter's date is past its last day. */
  timeZone: string;
}

const defaultClock: KeyStoreClock = { now: () => new Date(), timeZone: 'UTC' };

export function createVendingKeyStore(db: WriteDb, masterKey: Buffer, clock: KeyStoreClock = defaultClock): VendingKeyStore {
  if (masterKey.length !== 32) throw new KeyStoreError('the master key must be 32 bytes');
  const today = dayIn(clock.timeZone);
  const expired = (r: Pick<VendingKeyRow, 'expiresAt'>) => r.expiresAt !== null && today(clock.now()) > r.expiresAt;
  const state = (ref: KeyRef): KeyState => {
    const row = activeKey(db, ref.sgc, ref.krn);
    if (row) return expired(row) ? 'expired' : 'active';
    return lastRetiredKey(db, ref.sgc, ref.krn) ? 'retired' : 'missing';
  };
  const open = (r: { sgc: string; krn: number; sealed: string }): string => {
    try {
      return unseal(masterKey, r.sealed, aad(r));
    } catch {
      throw new KeyStoreError(`the vending key for SGC ${r.sgc} KRN ${r.krn} cannot be unsealed (wrong master key or damaged row)`);
    }
  };
  return {
    put(k, hex, at, loadedBy = null) {
      if (!/^([0-9a-fA-F]{16}){1,2}$/.test(hex)) throw new KeyStoreError('a vending key must be 16 or 32 hex digits');
      const plain = hex.toLowerCase();
      const kcv = keyCheckValue(plain);
      const sealed = seal(masterKey, plain, aad(k));
      const id = insertKey(db, { sgc: k.sgc, krn: k.krn, sealed, at, keyType: k.keyType, baseDate: k.baseDate, ea: k.ea, dkga: k.dkga, expiresAt: k.expiresAt, kcv, loadedBy });
      return { id, kcv };
    },
    has: (ref) => state(ref) === 'active',
    state,
    use(ref, fn) {
      const row = activeKey(db, ref.sgc, ref.krn);
      if (!row) throw new KeyStoreError(`no vending key for SGC ${ref.sgc} KRN ${ref.krn}`);
      if (expired(row)) throw new KeyStoreError(`the vending key for SGC ${ref.sgc} KRN ${ref.krn} expired on ${row.expiresAt}`);
      return fn(open(row));
    },
    list: () => listKeys(db).map((r) => ({
      id: r.id, sgc: r.sgc, krn: r.krn, keyType: r.keyType, baseDate: r.baseDate, ea: r.ea, dkga: r.dkga, expiresAt: r.expiresAt, kcv: r.kcv,
      loadedBy: r.loadedBy, loadedAt: r.createdAt, retiredAt: r.retiredAt, retiredBy: r.retiredBy,
      status: r.retiredAt !== null ? 'retired' : expired(r) ? 'expired' : 'active',
    })),
    retire: (id, at, by) => retireKey(db, id, at, by),
    fillMissingKcv() {
      let n = 0;
      for (const r of keysWithoutKcv(db)) {
        let plain: string;
        try {
          plain = open(r);
        } catch {
          continue; // a damaged row stays without a KCV: the list shows it, and using it fails loudly
        }
        setKcv(db, r.id, keyCheckValue(plain));
        n++;
      }
      return n;
    },
  };
}

/**
 * The store on the master key kept beside this database file, unwrapped by `protector`. For code
 * that holds only the database (the demo seed, tools); the app builds its own store in create-app.
 */
export function keyStoreFor(db: WriteDb, protector: KeyProtector = fileProtector): VendingKeyStore {
  return createVendingKeyStore(db, loadMasterKey(path.dirname(db.name), protector));
}
