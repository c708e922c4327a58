// What a token made on this counter needs from the vending keys, for one STS meter: its own key
// (SGC + KRN) loaded, not retired, not expired; and, while a key change waits (the meter's key
// data changed since its last token), the key the meter still holds too, to encrypt the two
// key-change tokens. The quote tells the cashier before any money is taken; local vending refuses.
import type { Bilingual } from '../../preload/contract';
import type { MeterRecord, StsKeyData } from '../../db/repos/meters';
import type { KeyState, VendingKeyStore } from '../keys';

export type KeyProblemCode = 'NO_VENDING_KEY' | 'KEY_RETIRED' | 'KEY_EXPIRED' | 'KEY_CHANGE_UNSUPPORTED';

export interface KeyPlan {
  /** Why no token can be made on this counter now; null: it can. */
  problem: { code: KeyProblemCode; message: Bilingual } | null;
  /** The key data the meter still holds when the next token must carry a key change. */
  keyChangeFrom: StsKeyData | null;
}

const CODE: Record<Exclude<KeyState, 'active'>, KeyProblemCode> = { missing: 'NO_VENDING_KEY', retired: 'KEY_RETIRED', expired: 'KEY_EXPIRED' };

function why(state: Exclude<KeyState, 'active'>, sgc: string, krn: number, old: boolean): Bilingual {
  const which = { en: `${old ? 'the key this meter still holds' : 'this meter\'s key'} (SGC ${sgc}, KRN ${krn})`, ar: `${old ? 'المفتاح الذي ما زال في العداد' : 'مفتاح هذا العداد'} (SGC ${sgc}، KRN ${krn})` };
  switch (state) {
    case 'missing': return { en: `This counter holds no vending key for ${which.en}.`, ar: `لا يملك هذا المركز مفتاح شحن لـ${which.ar}.` };
    case 'retired': return { en: `The vending key for ${which.en} has been retired.`, ar: `مفتاح الشحن لـ${which.ar} موقوف.` };
    case 'expired': return { en: `The vending key for ${which.en} has expired.`, ar: `انتهت صلاحية مفتاح الشحن لـ${which.ar}.` };
  }
}

export function keyPlan(keys: VendingKeyStore, sts: NonNullable<MeterRecord['sts']>): KeyPlan {
  const from = sts.keyChangeFrom;
  const own = keys.state({ sgc: sts.sgc, krn: sts.krn });
  if (own !== 'active') return { problem: { code: CODE[own], message: why(own, sts.sgc, sts.krn, false) }, keyChangeFrom: from };
  if (!from) return { problem: null, keyChangeFrom: null };
  // The key-change tokens this engine makes are EA07's (a 64-bit decoder key in two tokens).
  if (from.ea !== '07' || sts.ea !== '07') {
    return {
      problem: { code: 'KEY_CHANGE_UNSUPPORTED', message: {
        en: 'This meter\'s key data changed and it needs key-change tokens for an EA11 key, which this counter cannot make.',
        ar: 'تغيّرت بيانات مفتاح هذا العداد ويحتاج رموز تغيير مفتاح لمفتاح EA11، ولا يستطيع هذا المركز إصدارها.',
      } },
      keyChangeFrom: from,
    };
  }
  const old = keys.state({ sgc: from.sgc, krn: from.krn });
  if (old !== 'active') return { problem: { code: CODE[old], message: why(old, from.sgc, from.krn, true) }, keyChangeFrom: from };
  return { problem: null, keyChangeFrom: from };
}

/** The quote's notice when the sale will be vended on this counter and carries a key change. */
export const KEY_CHANGE_NOTICE: Bilingual = {
  en: 'This meter\'s key data changed: the receipt will carry two key-change tokens. The customer enters them first, in order, then the credit token.',
  ar: 'تغيّرت بيانات مفتاح هذا العداد: سيحمل الإيصال رمزين لتغيير المفتاح. يُدخلهما العميل أولاً بالترتيب، ثم رمز الشحن.',
};
