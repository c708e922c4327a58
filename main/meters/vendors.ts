// The vendor clients the meter page talks to, and how their three outcomes become what a
// supervisor sees: the value, the vendor's own refusal, or a plain "cannot reach the cloud".
import type { Bilingual } from '../../preload/contract';
import type { AcrelClient } from '../vendors/acrel/client';
import type { VendorConfig } from '../vendors/config';
import type { StsVendorClient } from '../vendors/sts/client';
import { holderOf, type VendorHolder } from '../vendors/holder';
import type { VendorOutcome } from '../vendors/outcome';
import { err } from '../common/errors';

export interface MeterVendors {
  sts: StsVendorClient | null;
  acrel: AcrelClient | null;
}

/** Getters over the holder: every use sees the clients in force (Settings > Vendors may replace them). */
export function createMeterVendors(from: VendorHolder | VendorConfig): MeterVendors {
  const holder = holderOf(from);
  return {
    get sts() {
      return holder.current().sts;
    },
    get acrel() {
      return holder.current().acrel;
    },
  };
}

const CLOUD = { sts: { en: 'STS vendor', ar: 'مزود STS' }, acrel: { en: 'Acrel meter cloud', ar: 'منصة عدادات Acrel' } };

export function clientFor<K extends 'sts' | 'acrel'>(v: MeterVendors, kind: K): NonNullable<MeterVendors[K]> {
  const c = v[kind];
  if (!c) {
    throw err('NOT_CONFIGURED', `The ${CLOUD[kind].en} is not configured at this counter; set it up in Settings.`, `${CLOUD[kind].ar} غير مهيأ في هذا المركز؛ اضبطه من الإعدادات.`);
  }
  return c as NonNullable<MeterVendors[K]>;
}

/** The vendor's words, with its code, for a refusal shown on the meter page. */
export function refusalText(code: string, m: Bilingual): Bilingual {
  return { en: `${m.en} (${code})`, ar: `${m.ar} (${code})` };
}

/**
 * A direct read: the value, or an error a supervisor can act on. "Unknown" here means the cloud
 * did not answer; for a read nothing can have changed, so it is simply "try again".
 */
export function unwrap<T>(o: VendorOutcome<T>, kind: 'sts' | 'acrel', meterNumber: string): T {
  if (o.kind === 'ok') return o.value;
  if (o.kind === 'refused') {
    if (o.code === 'METER_NOT_FOUND' || o.code === 'BAD_METER_NUMBER') throw err(o.code, o.message.en, o.message.ar);
    const t = refusalText(o.code, o.message);
    throw err('VENDOR_REFUSED', t.en, t.ar);
  }
  throw err(
    'VENDOR_UNREACHABLE',
    `The ${CLOUD[kind].en} cannot be reached right now, so meter ${meterNumber} cannot be read (${o.reason}). Check the network and try again.`,
    `تعذر الوصول إلى ${CLOUD[kind].ar} الآن، فلا يمكن قراءة العداد ${meterNumber} (${o.reason}). تحقق من الشبكة وحاول مرة أخرى.`,
  );
}
