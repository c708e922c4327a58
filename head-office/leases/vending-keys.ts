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
import { dayIn, endOfDay, keyExpired } from './key-day';
import { activeVendingKey, insertVendingKey, type HeadOfficeKeyAttributes, type VendingKeyRow } from '../db/vending-keys';

export const vendingKeyAad = (sgc: string, krn: number) => `head-office vending key ${sgc}:${krn}`;

export class KeyLoadError extends Error {
  override name = 'KeyLoadError';
  /** BAD_KEY_FILE: the file or its KCV; KEY_IN_USE: a key for its SGC and KRN is in use and it was not loaded as a replacement. */
  constructor(readonly en: string, readonly ar: string, readonly code: 'BAD_KEY_FILE' | 'KEY_IN_USE' = 'BAD_KEY_FILE') {
    super(en);
  }
}


/** What a key file holds once parsed and checked: its attributes and the key's check value (never the key). */
export interface CheckedKeyFile { attributes: HeadOfficeKeyAttributes; kcv: string; fileKcv: string | null }

/**
 * Parses and checks a key file exactly as a standalone counter does (main/keys: the labels, a weak
 * key, DKGA and EA, an expiry to come, the file's KCV); with `certificateKcv`, the key's check value
 * must also be the one a person read on the key certificate. Throws KeyLoadError, never naming the key.
 */
function readKeyFile(text: string, now: Date, timeZone: string, certificateKcv?: string): CheckedKeyFile & { key: string } {
  // "Today" in the utility's zone, the one a key's last day ends in everywhere else (leases, the console).
  const today = dayIn(timeZone, now);
  try {
    const parsed = parseKeyFile(text);
    const key = checkNewKey(parsed.attributes, parsed.vendingKeyHex, null, today, parsed.expectedKcv);
    if (certificateKcv !== undefined) checkNewKey(parsed.attributes, key, null, today, certificateKcv);
    const a = parsed.attributes;
    return {
      attributes: { sgc: a.sgc, krn: a.krn, keyType: a.keyType, baseDate: a.baseDate, ea: a.ea, dkga: a.dkga, expiresOn: a.expiresAt },
      kcv: keyCheckValue(key), fileKcv: parsed.expectedKcv?.toUpperCase() ?? null, key,
    };
  } catch (e) {
    const b = (e as { bilingual?: { en: string; ar: string } }).bilingual;
    if (b) throw new KeyLoadError(b.en, b.ar);
    throw e;
  }
}

/** A key file checked without storing anything: what the console shows before an administrator confirms. */
export function checkVendingKeyFile(text: string, now: Date, timeZone = 'UTC'): CheckedKeyFile {
  const r = readKeyFile(text, now, timeZone);
  return { attributes: r.attributes, kcv: r.kcv, fileKcv: r.fileKcv };
}

/**
 * Loads a key file; refuses (KeyLoadError, never naming the key) a bad file, a wrong KCV (the
 * file's, or `certificateKcv` when given), or a key already in use without `replace`.
 */
export async function loadVendingKeyFile(pool: pg.Pool, sealingKey: Buffer, text: string, opts: { by: string; replace: boolean; now: Date; timeZone?: string; certificateKcv?: string }): Promise<{ row: VendingKeyRow; replaced: VendingKeyRow | null }> {
  const { attributes: a, kcv, key } = readKeyFile(text, opts.now, opts.timeZone ?? 'UTC', opts.certificateKcv);
  const r = await insertVendingKey(pool, {
    ...a,
    kcv, sealed: seal(sealingKey, key, vendingKeyAad(a.sgc, a.krn)), loadedBy: opts.by,
  }, opts.replace);
  if ('conflict' in r) {
    throw new KeyLoadError(`A key for SGC ${a.sgc} KRN ${a.krn} is already in use (KCV ${r.conflict.kcv}); load this one as its replacement (--replace at the command line) to retire it.`,
      `يوجد مفتاح مستخدم لـ SGC ${a.sgc} و KRN ${a.krn} (قيمة التحقق ${r.conflict.kcv})؛ حمّل هذا المفتاح بديلًا عنه (‎--replace في سطر الأوامر) لإيقاف القديم.`, 'KEY_IN_USE');
  }
  return r;
}

export type VendingKeyState = { usable: true; row: VendingKeyRow; endsAt: Date | null } | { usable: false; why: 'missing' | 'expired'; row: VendingKeyRow | undefined };

/** The key in use for the SGC and KRN, usable until its last day ends in `timeZone` (endsAt; null: no expiry). */
export async function vendingKeyState(db: Pick<pg.Pool, 'query'>, sgc: string, krn: number, now: Date, timeZone = 'UTC'): Promise<VendingKeyState> {
  const row = await activeVendingKey(db, sgc, krn);
  if (!row) return { usable: false, why: 'missing', row };
  if (keyExpired(row.expiresOn, now, timeZone)) return { usable: false, why: 'expired', row };
  return { usable: true, row, endsAt: row.expiresOn === null ? null : endOfDay(row.expiresOn, timeZone) };
}

/** Runs fn with the plain key; it must not escape fn. */
export function withVendingKey<T>(sealingKey: Buffer, row: VendingKeyRow, fn: (vendingKeyHex: string) => T): T {
  return fn(unseal(sealingKey, row.sealed, vendingKeyAad(row.sgc, row.krn)));
}
