// "How long has this sale been waiting", in the cashier's language (plural forms by Intl).
import { localeTag } from '../../lib/money';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function unit(n: number, u: 'minute' | 'hour' | 'day', lang: string): string {
  try {
    return new Intl.NumberFormat(localeTag(lang), { style: 'unit', unit: u, unitDisplay: 'long' }).format(n);
  } catch {
    return `${n} ${u}`;
  }
}

/** Null when under a minute (the screen says "just now"). */
export function waitedFor(fromIso: string, nowMs: number, lang: string): string | null {
  const ms = nowMs - new Date(fromIso).getTime();
  if (!Number.isFinite(ms) || ms < MINUTE) return null;
  if (ms < HOUR) return unit(Math.floor(ms / MINUTE), 'minute', lang);
  if (ms < 2 * DAY) return unit(Math.floor(ms / HOUR), 'hour', lang);
  return unit(Math.floor(ms / DAY), 'day', lang);
}
