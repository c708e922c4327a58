// Loading and retiring vending keys (admin): each in one transaction with its audit row. The audit
// names the key by SGC, KRN and KCV, never by the key itself.
import type { WriteDb } from '../../db/open';
import type { ChannelInput, KeyEntry, User } from '../../preload/contract';
import { appendAudit } from '../audit/append';
import { err } from '../common/errors';
import { parseKeyFile } from './key-file';
import { checkNewKey } from './key-rules';
import { dayIn, type KeyAttributes, type VendingKeyStore } from './store';

export interface KeyDeps { db: WriteDb; keys: VendingKeyStore; now: () => Date; timeZone: string }

type PutInput = ChannelInput<'keys.put'>;

function entry(keys: VendingKeyStore, id: number): KeyEntry {
  return keys.list().find((k) => k.id === id)!;
}

export function loadKey(d: KeyDeps, by: User, input: PutInput): KeyEntry {
  const now = d.now();
  const today = dayIn(d.timeZone)(now);
  let attrs: KeyAttributes;
  let key: string;
  if (input.source === 'file') {
    const f = parseKeyFile(input.keyFile);
    attrs = f.attributes;
    key = checkNewKey(attrs, f.vendingKeyHex, null, today, f.expectedKcv);
  } else {
    const { sgc, krn, keyType, baseDate, ea, dkga, expiresAt } = input;
    attrs = { sgc, krn, keyType, baseDate, ea, dkga, expiresAt };
    key = checkNewKey(attrs, input.vendingKeyHex, input.vendingKeyHexAgain, today, input.expectedKcv);
  }
  const at = now.toISOString();
  return d.db.transaction(() => {
    const current = d.keys.list().find((k) => k.sgc === attrs.sgc && k.krn === attrs.krn && k.status !== 'retired');
    if (current && !input.replace) {
      throw err('CONFLICT', `A key for SGC ${attrs.sgc} KRN ${attrs.krn} is already loaded (KCV ${current.kcv ?? '—'}). Retire it first, or load this one as its replacement.`,
        `يوجد مفتاح محمّل لـ SGC ${attrs.sgc} و KRN ${attrs.krn} (قيمة التحقق ${current.kcv ?? '—'}). أوقفه أولاً، أو حمّل هذا المفتاح بديلاً عنه.`);
    }
    if (current) {
      d.keys.retire(current.id, at, by.id);
      appendAudit(d.db, { at, userId: by.id, action: 'keys.retire', entity: 'vending_key', entityId: `${attrs.sgc}:${attrs.krn}`, details: { id: current.id, kcv: current.kcv, reason: 'replaced' } });
    }
    const { id, kcv } = d.keys.put(attrs, key, at, by.id);
    appendAudit(d.db, {
      at, userId: by.id, action: 'keys.put', entity: 'vending_key', entityId: `${attrs.sgc}:${attrs.krn}`,
      details: { id, kcv, keyType: attrs.keyType, baseDate: attrs.baseDate, ea: attrs.ea, dkga: attrs.dkga, expiresAt: attrs.expiresAt, source: input.source, replaced: current?.id ?? null },
    });
    return entry(d.keys, id);
  })();
}

export function retireKeyById(d: KeyDeps, by: User, id: number): KeyEntry {
  const at = d.now().toISOString();
  return d.db.transaction(() => {
    const k = d.keys.list().find((x) => x.id === id);
    if (!k) throw err('NOT_FOUND', 'There is no such vending key.', 'لا يوجد مفتاح شحن بهذا الرقم.');
    if (k.status === 'retired') throw err('CONFLICT', `This key (KCV ${k.kcv ?? '—'}) is already retired.`, `هذا المفتاح (قيمة التحقق ${k.kcv ?? '—'}) موقوف من قبل.`);
    d.keys.retire(id, at, by.id);
    appendAudit(d.db, { at, userId: by.id, action: 'keys.retire', entity: 'vending_key', entityId: `${k.sgc}:${k.krn}`, details: { id, kcv: k.kcv, reason: 'retired' } });
    return entry(d.keys, id);
  })();
}

/**
 * A counter enrolled with a head office vends offline only under meter leases: every supply-group
 * key still loaded here is retired (audited, by whoever enrolled it, or by nobody when the
 * environment made it so), so no path can ever mint a token with it again. The keys retired.
 */
export function retireKeysAtEnrolment(d: Pick<KeyDeps, 'db' | 'keys' | 'now'>, userId: number | null, reason: 'enrolled' | 'head-office-owns-master-data'): KeyEntry[] {
  const at = d.now().toISOString();
  return d.db.transaction(() => {
    const live = d.keys.list().filter((k) => k.status !== 'retired');
    for (const k of live) {
      d.keys.retire(k.id, at, userId);
      appendAudit(d.db, { at, userId, action: 'keys.retire', entity: 'vending_key', entityId: `${k.sgc}:${k.krn}`, details: { id: k.id, kcv: k.kcv, reason } });
    }
    return live;
  })();
}
