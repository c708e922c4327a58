// Whether this (enrolled) counter may make a meter's token itself now, under its lease, and if not,
// why, in words for the cashier. Used by the quote (before any money is taken, when the sale must
// be made here) and by local vending (the sale fails cleanly and the money is handed back).
//
// A meter waiting for key-change tokens is not vended locally on an enrolled counter: the tokens
// need the old decoder key too, and a lease carries the meter's current one only. The sale goes to
// the vendor (online) and the key change with it.
import type { Bilingual } from '../../preload/contract';
import type { LeaseRow } from '../../db/repos/leases';
import type { MeterRecord, StsKeyData } from '../../db/repos/meters';
import type { LeaseService } from './service';

export type LeaseProblemCode = 'NO_LEASE' | 'LEASE_HELD_ELSEWHERE' | 'LEASE_EXPIRED' | 'LEASE_KEY_STALE' | 'KEY_CHANGE_ONLINE_ONLY' | 'CLOCK_BEHIND';

export type LeasePlan = { problem: { code: LeaseProblemCode; message: Bilingual }; lease: null } | { problem: null; lease: LeaseRow };

/** "2026-12-09 21:13" in the counter's time zone. */
export const localTime = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));

/** A Latin name or a time inside Arabic text, isolated so it keeps its own direction (FSI … PDI). */
const iso = (s: string) => `\u2068${s}\u2069`;

const sameKeys = (a: StsKeyData, b: StsKeyData) =>
  a.sgc === b.sgc && a.ti === b.ti && a.krn === b.krn && a.keyType === b.keyType && a.baseDate === b.baseDate && a.ea === b.ea && a.dkga === b.dkga;

const problem = (code: LeaseProblemCode, en: string, ar: string): LeasePlan => ({ problem: { code, message: { en, ar } }, lease: null });

export function leasePlan(leases: LeaseService, meter: MeterRecord, at: Date, timeZone: string): LeasePlan {
  const sts = meter.sts;
  if (!sts) return problem('NO_LEASE', 'No offline lease for this meter.', 'لا يوجد حجز للبيع دون اتصال لهذا العداد.');
  if (sts.keyChangeFrom) {
    return problem('KEY_CHANGE_ONLINE_ONLY', 'This meter is waiting for key-change tokens, which only the vendor can issue: sell to it when the connection is back.',
      'هذا العداد بانتظار رموز تغيير المفتاح، ولا يصدرها إلا المزود: بِع له عند عودة الاتصال.');
  }
  const l = leases.lease(meter.number);
  if (l?.state === 'elsewhere' && Date.parse(l.expiresAt) > at.getTime()) {
    const until = localTime(l.expiresAt, timeZone);
    return problem('LEASE_HELD_ELSEWHERE', `This meter's offline sales are held by counter "${l.holder}" until ${until}.`,
      `البيع دون اتصال لهذا العداد محجوز لنقطة البيع ${iso(`"${l.holder}"`)} حتى ${iso(until)}.`);
  }
  if (!l || l.state !== 'held') return problem('NO_LEASE', 'No offline lease for this meter.', 'لا يوجد حجز للبيع دون اتصال لهذا العداد.');
  // The expiry below is judged by this counter's clock: a clock set back (a dead RTC battery, a
  // date changed by hand) would re-open a lease the head office has since given to another counter.
  const behind = leases.clockBehind(at);
  if (behind) {
    const seen = localTime(behind.floor, timeZone);
    return problem('CLOCK_BEHIND', `This counter's clock is behind the last time it saw (${seen}); set the correct date and time.`,
      `ساعة هذه النقطة متأخرة عن آخر وقت رأته (${iso(seen)})؛ اضبط التاريخ والوقت الصحيحين.`);
  }
  const until = leases.usableUntil(l)!;
  if (at >= until) {
    const when = localTime(until.toISOString(), timeZone);
    return problem('LEASE_EXPIRED', `This counter's offline lease on this meter ran out at ${when}.`, `انتهى حجز البيع دون اتصال لهذا العداد على هذه النقطة في ${iso(when)}.`);
  }
  // A newer vending key for its supply group came with another grant: this lease's decoder key was
  // derived from a key the head office replaced or retired.
  if (!l.keyData || !sameKeys(l.keyData, sts) || !leases.keyIsCurrent(l)) {
    return problem('LEASE_KEY_STALE', 'This meter\'s key data changed since its offline lease was granted; the lease is renewed when the head office can be reached.',
      'تغيّرت بيانات مفتاح هذا العداد بعد منح حجز البيع دون اتصال؛ يُجدَّد الحجز عند الاتصال بالمكتب الرئيسي.');
  }
  return { problem: null, lease: l };
}
