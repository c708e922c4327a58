// The console's words in Arabic (the default, right to left) and English; the choice is kept per
// browser, so each member of staff gets the language they last chose.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import ar from './ar.json';
import en from './en.json';
import type { Lang } from '../lib/format';

const KEY = 'shahn-console-lang';

export function savedLang(): Lang {
  try {
    return window.localStorage.getItem(KEY) === 'en' ? 'en' : 'ar';
  } catch {
    return 'ar';
  }
}

void i18next.use(initReactI18next).init({
  resources: { ar: { translation: ar }, en: { translation: en } },
  lng: savedLang(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

/** Switches the words and the page direction together, and remembers the choice. */
export function applyLanguage(lang: Lang): void {
  if (i18next.language !== lang) void i18next.changeLanguage(lang);
  const html = document.documentElement;
  html.lang = lang;
  html.dir = lang === 'ar' ? 'rtl' : 'ltr';
  document.title = i18next.t('app.title');
  try {
    window.localStorage.setItem(KEY, lang);
  } catch {
    // A browser refusing storage keeps the language for this visit only.
  }
}

applyLanguage(savedLang());

export default i18next;
