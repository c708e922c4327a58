import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bilingual } from '../../preload/contract';
import { useSession } from '../stores/session';
import { formatAmount, formatMoney } from '../lib/money';
import { formatPricePerKwh, formatTenths, formatWhole } from '../lib/energy';
import { formatDateTime, formatTime } from '../lib/time';

function currencyName(code: string, lang: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'currency' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Formatters bound to the current language and the counter's currency / time zone. */
export function useFormat() {
  const { t } = useTranslation();
  const lang = useSession((s) => s.lang);
  const digits = useSession((s) => s.digits);
  const info = useSession((s) => s.info);
  // Numbers follow the counter's digit choice in Arabic; words follow the language.
  const num = lang === 'ar' && digits === 'arab' ? 'ar-arab' : lang;
  const currency = info?.currency ?? 'XXX';
  const decimals = info?.currencyDecimals ?? 2;
  const tz = info?.timeZone;

  return {
    lang,
    currency,
    currencyName: currencyName(currency, lang),
    decimals,
    money: useCallback((minor: number) => formatMoney(minor, currency, decimals, num), [currency, decimals, num]),
    amount: useCallback((minor: number) => formatAmount(minor, decimals, num), [decimals, num]),
    energy: useCallback((tenths: number) => `${formatTenths(tenths, num)} ${t('units.kwh')}`, [num, t]),
    /** A whole number in the counter's digits (preset kWh buttons). */
    whole: useCallback((n: number) => formatWhole(n, num), [num]),
    price: useCallback((p: string) => formatPricePerKwh(p, currency, decimals, num), [currency, decimals, num]),
    time: useCallback((iso: string) => formatTime(iso, num, tz), [num, tz]),
    dateTime: useCallback((iso: string) => formatDateTime(iso, num, tz), [num, tz]),
    text: useCallback((b: Bilingual) => b[lang] || b.en || b.ar, [lang]),
  };
}
