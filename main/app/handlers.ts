// app.*: what the screens need to know about this counter before and after login.
import { appVersion } from './app-root';
import type { AppConfig } from './config';
import type { NamespaceHandlers } from '../ipc/handlers';

/** `config` is the configuration in force (the first run's counter settings over the environment). */
export function appHandlers(config: AppConfig, counterNumber: () => string | null): NamespaceHandlers<'app'> {
  return {
    'app.info': () => ({
      name: 'Shahn', version: appVersion(), currency: config.currency, currencyDecimals: config.currencyDecimals,
      timeZone: config.timeZone, defaultLocale: config.defaultLocale, counterName: config.counterName,
      counterNumber: counterNumber(),
    }),
  };
}
