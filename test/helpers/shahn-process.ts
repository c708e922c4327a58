// A whole Shahn core in a process of its own (createApp on SHAHN_DATA_DIR), for the tests of one
// Shahn per data folder: prints "ready <pid>" once it holds the folder and runs until killed.
// SIGKILL is how a test pulls the plug: nothing is closed, nothing released by Shahn itself.
import { createApp } from '../../main/app/create-app';
import { configFromEnv } from '../../main/app/config';

const app = createApp(configFromEnv({ ...process.env, SHAHN_LOG_LEVEL: 'silent' }), { startWorker: false });
process.stdout.write(`ready ${process.pid}\n`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
setInterval(() => undefined, 60_000);
