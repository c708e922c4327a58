// This counter's own settings, chosen in the setup flow: the language the screens open in, the
// counter's name and number, the currency and its decimals, the time zone, and whether it works
// offline only (STS tokens made here, no vendor asked). One settings row ("counter.settings"),
// filled a step at a time; what it holds overrides the environment's defaults (app/config.ts), at
// start-up and the moment a step is saved (app/create-app.ts applies it to the running app).
import { z } from 'zod';
import type { ReadDb, WriteDb } from '../../db/open';
import { readSetting, writeSetting } from '../../db/repos/settings';
import type { AppConfig } from '../app/config';
import { isTimeZone } from './rules';

export const COUNTER_KEY = 'counter.settings';

export const CounterSettingsSchema = z.object({
  locale: z.enum(['ar', 'en']),
  name: z.string().min(1).max(64),
  number: z.string().min(1).max(16),
  currency: z.string().regex(/^[A-Z]{3}$/),
  currencyDecimals: z.number().int().min(0).max(3),
  timeZone: z.string().refine(isTimeZone),
  offlineOnly: z.boolean(),
}).partial();
export type CounterSettings = z.infer<typeof CounterSettingsSchema>;

/** What is saved; a row that no longer parses (hand-edited) counts as nothing saved: the environment applies. */
export function loadCounterSettings(db: ReadDb): CounterSettings {
  const r = CounterSettingsSchema.safeParse(readSetting(db, COUNTER_KEY));
  return r.success ? r.data : {};
}

/** Merges `patch` into the saved settings (inside the caller's transaction); returns the whole. */
export function saveCounterSettings(db: WriteDb, patch: CounterSettings, at: string): CounterSettings {
  const next = { ...loadCounterSettings(db), ...patch };
  writeSetting(db, COUNTER_KEY, next, at);
  return next;
}

/** The part of the app's configuration the saved counter settings replace. */
export type CounterConfig = Pick<AppConfig, 'defaultLocale' | 'counterName' | 'currency' | 'currencyDecimals' | 'timeZone' | 'vending'>;

/** The environment's configuration with the saved counter settings over it. */
export function counterConfig(base: CounterConfig, s: CounterSettings): CounterConfig {
  return {
    defaultLocale: s.locale ?? base.defaultLocale,
    counterName: s.name ?? base.counterName,
    currency: s.currency ?? base.currency,
    currencyDecimals: s.currencyDecimals ?? base.currencyDecimals,
    timeZone: s.timeZone ?? base.timeZone,
    vending: s.offlineOnly ? { ...base.vending, mode: 'local' } : base.vending,
  };
}
