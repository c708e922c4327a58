// "in 2 days" / "3 hours ago" in the console's language, in the largest unit that still says
// enough: a lease's expiry is read at a glance, its exact time is beside it.
import type { Lang } from './format';

const formats = new Map<Lang, Intl.RelativeTimeFormat>();

export function relativeTime(deltaMs: number, lang: Lang): string {
  let f = formats.get(lang);
  if (!f) {
    f = new Intl.RelativeTimeFormat(lang === 'ar' ? 'ar-u-nu-latn' : 'en', { numeric: 'always' });
    formats.set(lang, f);
  }
  const abs = Math.abs(deltaMs);
  const sign = deltaMs < 0 ? -1 : 1;
  if (abs >= 2 * 86_400_000) return f.format(sign * Math.floor(abs / 86_400_000), 'day');
  if (abs >= 2 * 3_600_000) return f.format(sign * Math.floor(abs / 3_600_000), 'hour');
  return f.format(sign * Math.max(1, Math.floor(abs / 60_000)), 'minute');
}
