// Why a schedule is refused, in words a supervisor can act on, in Arabic and English. Only active
// periods must tile the day: an inactive period is kept for later but prices nothing.
import type { Bilingual } from '../../../preload/contract';
import { parsePrice } from './decimal';
import { hhmm } from './time';
import type { TariffPeriod } from './schedule';

export const MAX_PERIODS = 8;
const DAY = 1440;

function covered(p: TariffPeriod): boolean[] {
  const out = new Array<boolean>(DAY).fill(false);
  const end = p.endMinute <= p.startMinute ? p.endMinute + DAY : p.endMinute;
  for (let m = p.startMinute; m < end; m++) out[m % DAY] = true;
  return out;
}

/** Maximal runs of minutes where `on` holds, a run through midnight reported as one. */
function runs(on: (m: number) => boolean): [number, number][] {
  const out: [number, number][] = [];
  for (let m = 0; m < DAY; m++) {
    if (!on(m) || (m > 0 && on(m - 1))) continue;
    let end = m;
    while (end < DAY && on(end)) end++;
    out.push([m, end]);
  }
  if (out.length > 1 && out[0]![0] === 0 && out[out.length - 1]![1] === DAY) {
    const last = out.pop()!;
    out[0] = [last[0], out[0]![1]];
  }
  return out;
}

const range = ([a, b]: [number, number]) => `${hhmm(a)}–${b === DAY ? '24:00' : hhmm(b)}`;
/** A clock range inside Arabic text, isolated left-to-right (U+2066 ... U+2069) so that it reads
 * "22:00–02:00" as on the timeline instead of being reordered by the bidi algorithm. */
export const ltr = (text: string) => `\u2066${text}\u2069`;

export function scheduleProblems(periods: TariffPeriod[]): Bilingual[] {
  if (periods.length === 0) return [{ en: 'The schedule has no periods.', ar: 'الجدول لا يحتوي على أي فترة.' }];
  const problems: Bilingual[] = [];
  if (periods.length > MAX_PERIODS) {
    problems.push({ en: `A schedule has at most ${MAX_PERIODS} periods; this one has ${periods.length}.`, ar: `الحد الأقصى ${MAX_PERIODS} فترات في الجدول؛ هذا الجدول فيه ${periods.length}.` });
  }
  for (const p of periods) {
    let ok: boolean;
    try { ok = parsePrice(p.pricePerKwh) > 0n; } catch { ok = false; }
    if (!ok) problems.push({ en: `"${p.name.en}": the price "${p.pricePerKwh}" must be above zero with at most 4 decimals.`, ar: `«${p.name.ar}»: السعر ${ltr(p.pricePerKwh)} يجب أن يكون أكبر من صفر وبأربع خانات عشرية على الأكثر.` });
  }
  const active = periods.filter((p) => p.active);
  const maps = active.map(covered);
  for (let i = 0; i < active.length; i++) {
    for (let j = i + 1; j < active.length; j++) {
      const both = runs((m) => maps[i]![m]! && maps[j]![m]!);
      for (const r of both) {
        problems.push({
          en: `"${active[i]!.name.en}" and "${active[j]!.name.en}" overlap at ${range(r)}.`,
          ar: `الفترتان «${active[i]!.name.ar}» و«${active[j]!.name.ar}» متداخلتان في ${ltr(range(r))}.`,
        });
      }
    }
  }
  for (const gap of runs((m) => !maps.some((c) => c[m]))) {
    problems.push({ en: `No active period covers ${range(gap)}.`, ar: `لا توجد فترة فعّالة تغطي ${ltr(range(gap))}.` });
  }
  return problems;
}
