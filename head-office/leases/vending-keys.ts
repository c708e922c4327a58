// The supply groups' vending keys at the head office: loaded from the same key file an engineer
// gives a standalone counter (main/keys/key-file.ts, its checks and KCV comparison included),
// sealed with HEAD_OFFICE_SEALING_KEY under associated data naming the SGC and KRN. The plain key
// is opened only inside `withVendingKey`, to derive one meter's decoder key; it is never printed,
// logged, returned or sent.
import type pg from 'pg';
import { parseKeyFile } from '../../main/keys/key-file';
import { checkNewKey } from '../../main/keys/key-rules';
import { keyCheckValue } from '../../main/keys/kcv';
import { seal, unseal } from '../../main/keys/seal';
import { activeVendingKey, insertVendingKey, type VendingKeyRow } from '../db/vending-keys';

export const vendingKeyAad = (sgc: string, krn: number) => `head-office vending key ${sgc}:${krn}`;

export class KeyLoadError extends Error {
  override name = 'KeyLoadError';
  constructor(readonly en: string, readonly ar: string) {
    super(en);
  }
}

const utcDay = (d: Date) => d.toISOString().slice(0, 10);

/** Loads a key file; refuses (KeyLoadError, never naming the key) a bad file, a wrong KCV, or a key already in use without `replace`. */
export async function loadVendingKeyFile(pool: pg.Pool, sealingKey: Buffer, text: string, opts: { by: string; replace: boolean; now: Date }): Promise<{ row: VendingKeyRow; replaced: VendingKeyRow | null }> {
  let parsed;
  let key: string;
  try {
    parsed = parseKeyFile(text);
    key = checkNewKey(parsed.attributes, parsed.vendingKeyHex, null, utcDay(opts.now), parsed.expectedKcv);
  } catch (e) {
    const b = (e as { bilingual?: { en: string; ar: string } }).bilingual;
    if (b) throw new KeyLoadError(b.en, b.ar);
    throw e;
  }
  const a = parsed.attributes;
  const kcv = keyCheckValue(key);
  const r = await insertVendingKey(pool, {
    sgc: a.sgc, krn: a.krn, keyType: a.keyType, baseDate: a.baseDate, ea: a.ea, dkga: a.dkga, expiresOn: a.expiresAt,
    kcv, sealed: seal(sealingKey, key, vendingKeyAad(a.sgc, a.krn)), loadedBy: opts.by,
  }, opts.replace);
  if ('conflict' in r) {
    throw new KeyLoadError(`A key for SGC ${a.sgc} KRN ${a.krn} is already in use (KCV ${r.conflict.kcv}); load this one with --replace to retire it.`,
      `يوجد مفتاح مستخدم لـ SGC ${a.sgc} و KRN ${a.krn} (قيمة التحقق ${r.conflict.kcv})؛ حمّل هذا المفتاح مع ‎--replace لإيقاف القديم.`);
  }
  return r;
}

export type VendingKeyState = { usable: true; row: VendingKeyRow } | { usable: false; why: 'missing' | 'expired'; row: VendingKeyRow | undefined };

export async function vendingKeyState(db: Pick<pg.Pool, 'query'>, sgc: string, krn: number, now: Date): Promise<VendingKeyState> {
  const row = await activeVendingKey(db, sgc, krn);
  if (!row) return { usable: false, why: 'missing', row };
  if (row.expiresOn !== null && utcDay(now) > row.expiresOn) return { usable: false, why: 'expired', row };
  return { usable: true, row };
}

/** Runs fn with the plain key; it must not escape fn. */
export function withVendingKey<T>(sealingKey: Buffer, row: VendingKeyRow, fn: (vendingKeyHex: string) => T): T {
  return fn(unseal(sealingKey, row.sealed, vendingKeyAad(row.sgc, row.krn)));
}
