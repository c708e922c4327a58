// A data folder holding the demo counter, made before Shahn opens it. The shipped app carries no
// demo code, so `npm run demo` (and the test that launches the real Electron app) seed the folder
// first, with the same core, and then start Shahn on it.
import { createApp } from '../main/app/create-app';
import { configFromEnv } from '../main/app/config';
import { seedDemoIfEmpty } from './seed-demo';

export async function seedDemoFolder(env: NodeJS.ProcessEnv): Promise<void> {
  const app = createApp(configFromEnv(env), { startWorker: false });
  try {
    // SHAHN_MASTER_DATA=head-office (npm run demo -- --head-office): the head office sends the tariffs, customers and meters.
    seedDemoIfEmpty(app.db.write, { masterData: env.SHAHN_MASTER_DATA !== 'head-office' });
  } finally {
    await app.close();
  }
}
