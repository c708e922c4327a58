import { localeTag } from './money';

export function formatTime(iso: string, lang: string, timeZone: string | undefined): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(localeTag(lang), { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone }).format(d);
  } catch {
    return new Intl.DateTimeFormat(localeTag(lang), { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(d);
  }
}

export function formatDateTime(iso: string, lang: string, timeZone: string | undefined): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const opts: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
  try {
    return new Intl.DateTimeFormat(localeTag(lang), { ...opts, timeZone }).format(d);
  } catch {
    return new Intl.DateTimeFormat(localeTag(lang), opts).format(d);
  }
}
