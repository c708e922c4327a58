// Shahn in the browser host: createApp + the HTTP host on 127.0.0.1. Shared by `npm run demo` and
// the end-to-end tests (SHAHN_SEED_DEMO=1: seed the demo counter into an empty database). Not part
// of the shipped app.
import path from 'node:path';
import { createApp, type App } from '../main/app/create-app';
import { configFromEnv, type AppSettings } from '../main/app/config';
import { startHost } from '../main/host/server';
import { seedDemoIfEmpty } from './seed-demo';

export async function startBrowserShahn(env: NodeJS.ProcessEnv, port: number, overrides: Partial<AppSettings> = {}): Promise<{ app: App; url: string; close(): Promise<void> }> {
  const config = configFromEnv(env, overrides);
  const app = createApp(config);
  // A counter whose head office owns the master data (SHAHN_MASTER_DATA=head-office) gets its tariffs, customers and meters from there.
  if (env.SHAHN_SEED_DEMO === '1') seedDemoIfEmpty(app.db.write, { masterData: env.SHAHN_MASTER_DATA !== 'head-office' });
  const host = await startHost(app, { port, staticDir: path.join(__dirname, '..', 'dist') });
  return {
    app,
    url: host.url,
    async close() {
      await host.close();
      await app.close();
    },
  };
}
