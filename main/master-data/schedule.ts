// A head-office schedule version (wire shape: clock times) as the counter's pricing reads it
// (minutes of the day), and why one would be refused: the head office checks with the same rules
// the counter's own tariff screen uses, so a version a counter would refuse never gets a version.
import type { Bilingual } from '../../preload/contract';
import type { MasterSchedule } from '../vendors/head-office/master-data-wire';
import { scheduleProblems, type TariffPeriod } from '../tariffs/pricing/schedule';
import { parseHhmm } from '../tariffs/pricing/time';

export function periodsOf(s: Pick<MasterSchedule, 'periods'>): { periods: TariffPeriod[]; problems: Bilingual[] } {
  const problems: Bilingual[] = [];
  const periods = s.periods.map((p) => {
    const startMinute = parseHhmm(p.start);
    const endMinute = parseHhmm(p.end, true);
    if (startMinute === null) problems.push({ en: `"${p.name.en}": the start ${p.start} is not a time of day (00:00-23:59).`, ar: `«${p.name.ar}»: البداية ${p.start} ليست وقتاً صحيحاً (00:00-23:59).` });
    if (endMinute === null) problems.push({ en: `"${p.name.en}": the end ${p.end} is not a time of day (00:00-24:00).`, ar: `«${p.name.ar}»: النهاية ${p.end} ليست وقتاً صحيحاً (00:00-24:00).` });
    return { name: p.name, startMinute: startMinute ?? 0, endMinute: endMinute ?? 0, pricePerKwh: p.pricePerKwh, active: p.active };
  });
  return { periods, problems };
}

export function masterScheduleProblems(s: MasterSchedule): Bilingual[] {
  const { periods, problems } = periodsOf(s);
  if (problems.length === 0) problems.push(...scheduleProblems(periods));
  if (s.minPurchaseMinor > s.maxPurchaseMinor) {
    problems.push({ en: `The smallest purchase (${s.minPurchaseMinor}) is above the largest (${s.maxPurchaseMinor}).`, ar: `أقل شراء (${s.minPurchaseMinor}) أكبر من أكبر شراء (${s.maxPurchaseMinor}).` });
  }
  return problems;
}

export const scheduleKey = (s: Pick<MasterSchedule, 'code' | 'version'>) => `${s.code}@${s.version}`;
export const userKey = (username: string, counterId: number) => `${username}@${counterId}`;
