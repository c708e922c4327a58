// app.*: what the screens need to know about this counter before and after login.
import { appVersion } from './app-root';
import type { AppConfig } from './config';
import type { NamespaceHandlers } from '../ipc/handlers';

export function appHandlers(config: AppConfig): NamespaceHandlers<'app'> {
  return {
    'app.info': () => ({
      name: 'Shahn', version: appVersion(), currency: config.currency, currencyDecimals: config.currencyDecimals,
      timeZone: config.timeZone, defaultLocale: config.defaultLocale, counterName: config.counterName,
    }),
  };
}
