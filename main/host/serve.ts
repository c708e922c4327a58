// `npm run serve`: Shahn in the browser host on the user's own configuration and data — the
// environment (SHAHN_*) and the data folder (SHAHN_DATA_DIR, else the application-data folder,
// the same one the desktop app uses). No demo data. Loopback only; PORT picks the port.
import path from 'node:path';
import { createApp } from '../app/create-app';
import { configFromEnv } from '../app/config';
import { appRoot } from '../app/app-root';
import { startHost } from './server';

export const DEFAULT_PORT = 5170;

/** PORT from the environment: a TCP port number, or the default; anything else stops start-up. */
export function portFromEnv(env: NodeJS.ProcessEnv): number {
  const raw = env.PORT;
  if (raw === undefined || raw === '') return DEFAULT_PORT;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isInteger(port) || port > 65535) throw new Error(`PORT must be a TCP port number (0-65535), not "${raw}"`);
  return port;
}

async function main() {
  const port = portFromEnv(process.env);
  const config = configFromEnv(process.env);
  const app = createApp(config);
  const host = await startHost(app, { port, staticDir: path.join(appRoot(), 'dist') });
  console.log(`Shahn: ${host.url}`);
  console.log(`Data folder: ${config.dataDir}`);
  let closing = false;
  const stop = async () => {
    if (closing) return;
    closing = true;
    await host.close();
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(`Shahn could not start: ${(e as Error).message}`);
    process.exit(1);
  });
}
