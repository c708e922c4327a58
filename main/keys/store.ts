// Vending keys sealed at rest. Each key is encrypted with AES-256-GCM under the master key, with
// its SGC and KRN as associated data (a sealed key moved to another row does not open). The plain
// key is only ever handed to a callback inside main (use()): it is never returned over IPC, never
// logged and never put in an error message.
import path from 'node:path';
import type { WriteDb } from '../../db/open';
import { listKeyRefs, sealedKey, upsertSealedKey } from '../../db/repos/vending-keys';
import { fileProtector, loadMasterKey, type KeyProtector } from './master-key';
import { seal, unseal } from './seal';

export interface KeyRef { sgc: string; krn: number }

export class KeyStoreError extends Error {
  override name = 'KeyStoreError';
}

export interface VendingKeyStore {
  put(ref: KeyRef, vendingKeyHex: string, at: string): void;
  has(ref: KeyRef): boolean;
  /** Runs fn with the plain key; the key must not escape fn. */
  use<T>(ref: KeyRef, fn: (vendingKeyHex: string) => T): T;
  list(): { sgc: string; krn: number; createdAt: string }[];
}

const aad = (r: KeyRef) => `${r.sgc}:${r.krn}`;

export function createVendingKeyStore(db: WriteDb, masterKey: Buffer): VendingKeyStore {
  if (masterKey.length !== 32) throw new KeyStoreError('the master key must be 32 bytes');
  return {
    put(ref, hex, at) {
      if (!/^[0-9a-fA-F]{16}([0-9a-fA-F]{16})?$/.test(hex)) throw new KeyStoreError('a vending key must be 16 or 32 hex digits');
      const sealed = seal(masterKey, hex.toLowerCase(), aad(ref));
      upsertSealedKey(db, ref.sgc, ref.krn, sealed, at);
    },
    has: (ref) => sealedKey(db, ref.sgc, ref.krn) !== undefined,
    use(ref, fn) {
      const sealed = sealedKey(db, ref.sgc, ref.krn);
      if (sealed === undefined) throw new KeyStoreError(`no vending key for SGC ${ref.sgc} KRN ${ref.krn}`);
      let hex: string;
      try {
        hex = unseal(masterKey, sealed, aad(ref));
      } catch {
        throw new KeyStoreError(`the vending key for SGC ${ref.sgc} KRN ${ref.krn} cannot be unsealed (wrong master key or damaged row)`);
      }
      return fn(hex);
    },
    list: () => listKeyRefs(db),
  };
}

/**
 * The store on the master key kept beside this database file, unwrapped by `protector`. For code
 * that holds only the database (the demo seed, tools); the app builds its own store in create-app.
 */
export function keyStoreFor(db: WriteDb, protector: KeyProtector = fileProtector): VendingKeyStore {
  return createVendingKeyStore(db, loadMasterKey(path.dirname(db.name), protector));
}
