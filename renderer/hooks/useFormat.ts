import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bilingual } from '../../preload/contract';
import { useSession } from '../stores/session';
import { formatAmount, formatMoney } from '../lib/money';
import { formatPricePerKwh, formatTenths } from '../lib/energy';
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
  const info = useSession((s) => s.info);
  const currency = info?.currency ?? 'XXX';
  const decimals = info?.currencyDecimals ?? 2;
  const tz = info?.timeZone;

  return {
    lang,
    currency,
    currencyName: currencyName(currency, lang),
    decimals,
    money: useCallback((minor: number) => formatMoney(minor, currency, decimals, lang), [currency, decimals, lang]),
    amount: useCallback((minor: number) => formatAmount(minor, decimals, lang), [decimals, lang]),
    energy: useCallback((tenths: number) => `${formatTenths(tenths, lang)} ${t('units.kwh')}`, [lang, t]),
    price: useCallback((p: string) => formatPricePerKwh(p, currency, decimals, lang), [currency, decimals, lang]),
    time: useCallback((iso: string) => formatTime(iso, lang, tz), [lang, tz]),
    dateTime: useCallback((iso: string) => formatDateTime(iso, lang, tz), [lang, tz]),
    text: useCallback((b: Bilingual) => b[lang] || b.en || b.ar, [lang]),
  };
}
