// One line per event in a rotating file under the data folder (pino + pino-roll). Secrets are
// redacted by path as a second line of defence; the first is never logging them.
import path from 'node:path';
import pino from 'pino';

export type Logger = pino.Logger;

export function createLogger(dataDir: string, level: string): Logger {
  const redact = { paths: ['*.apiSecret', '*.apiKey', '*.vendingKey', '*.decoderKey', '*.pin', 'pin', 'token'], censor: '[secret]' };
  if (level === 'silent') return pino({ level: 'silent' });
  const transport = pino.transport({
    target: 'pino-roll',
    options: { file: path.join(dataDir, 'logs', 'shahn'), extension: '.log', frequency: 'daily', size: '10m', mkdir: true, limit: { count: 14 } },
  });
  return pino({ level, redact, base: { app: 'shahn' } }, transport);
}
