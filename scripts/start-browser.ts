// Shahn in the browser host: createApp + the HTTP host on 127.0.0.1. Shared by `npm run demo`,
// the end-to-end tests and the Electron main process (for its optional host).
import path from 'node:path';
import { createApp, type App } from '../main/app';
import { configFromEnv, type AppSettings } from '../main/config';
import { startHost } from '../main/host/server';
import { seedDemo } from './seed-demo';

export async function startBrowserShahn(env: NodeJS.ProcessEnv, port: number, overrides: Partial<AppSettings> = {}): Promise<{ app: App; url: string; close(): Promise<void> }> {
  const config = configFromEnv(env, overrides);
  const app = createApp(config);
  if (env.SHAHN_SEED_DEMO === '1') {
    const users = app.db.read.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number };
    if (users.n === 0) seedDemo(app.db.write, undefined, { requireShift: true });
  }
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
