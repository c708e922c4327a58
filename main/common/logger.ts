// One line per event in a rotating file under the data folder (pino + pino-roll: daily or at
// 10 MB, 14 files kept). Events about a sale carry its `saleId`. Secrets are redacted by path as
// a second line of defence; the first is never logging them (no vending or decoder key, no API
// secret, no PIN, no STS token ever reaches a log call — test/integration/offline/logs.test.ts).
import path from 'node:path';
import pino from 'pino';

export type Logger = pino.Logger;

const SECRET_FIELDS = ['apiSecret', 'apiKey', 'secret', 'vendingKey', 'decoderKey', 'masterKey', 'pin', 'pinHash', 'token', 'authorization'];

export function createLogger(dataDir: string, level: string): Logger {
  const redact = { paths: [...SECRET_FIELDS, ...SECRET_FIELDS.map((f) => `*.${f}`)], censor: '[secret]' };
  if (level === 'silent') return pino({ level: 'silent' });
  const transport = pino.transport({
    target: 'pino-roll',
    options: { file: path.join(dataDir, 'logs', 'shahn'), extension: '.log', frequency: 'daily', size: '10m', mkdir: true, limit: { count: 14 } },
  });
  return pino({ level, redact, base: { app: 'shahn' } }, transport);
}

/** Waits (up to ms) until everything logged so far is written by the transport's thread. */
export function flushLogger(log: Logger, ms = 2_000): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    try {
      log.flush((/* err */) => { clearTimeout(t); resolve(); });
    } catch {
      clearTimeout(t);
      resolve();
    }
  });
}
