import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import ar from './ar.json';
import en from './en.json';
import type { Lang } from '../stores/session';

export const resources = { ar: { translation: ar }, en: { translation: en } } as const;

void i18next.use(initReactI18next).init({
  resources,
  lng: 'ar',
  fallbackLng: 'en',
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
  initAsync: false,
});

/** Switch i18next and the document's lang/dir together. */
export function applyLanguage(lang: Lang): void {
  if (i18next.language !== lang) void i18next.changeLanguage(lang);
  const html = document.documentElement;
  html.lang = lang;
  html.dir = lang === 'ar' ? 'rtl' : 'ltr';
  document.title = lang === 'ar' ? 'شحن' : 'Shahn';
}

export default i18next;

/** A translation in both languages, for messages kept in state across a language switch. */
export function both(key: string, options?: Record<string, unknown>): { ar: string; en: string } {
  return { ar: i18next.t(key, { ...options, lng: 'ar' }), en: i18next.t(key, { ...options, lng: 'en' }) };
}
