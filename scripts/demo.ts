// `npm run demo`: the simulators (STS vendor, Acrel cloud, head office, receipt printer) and
// Shahn on a fresh demo database, seeded here (the app itself has no demo code). Electron where
// its binary exists, the browser host otherwise.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { startSimulators } from '../test/sim';
import { runCommand } from '../test/sim/cli-commands';
import { seedDemoFolder } from './demo-folder';
import { electronBinary } from './electron-binary';
import { DEMO_USERS } from './seed-demo';
import { startBrowserShahn } from './start-browser';
import { startDemoHeadOffice } from './demo-head-office';
import { DEMO_HO_USER } from './demo-master-data';
import { DEMO_STS_METERS } from '../test/sim/demo-data';

async function main() {
  const port = process.env.PORT ? Number(process.env.PORT) : 5180;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a TCP port number, not "${process.env.PORT}"`);
  // --xmlvend: the STS vendor is an XMLVend 2.1 server (the simulator, Hexing-style; --conlog for Conlog's)
  // that adds a service charge of 100 and VAT of 5 % to every purchase, so its breakdown shows.
  const args = process.argv.slice(2);
  const xmlvend = args.includes('--xmlvend') ? { style: args.includes('--conlog') ? ('conlog' as const) : ('hexing' as const), serviceChargeMinor: 100, vatRateBp: 500 } : undefined;
  const sims = await startSimulators({ xmlvend });
  // --head-office: sales sync to the real head office on a throwaway PostgreSQL, not the simulator.
  const headOffice = args.includes('--head-office') ? await startDemoHeadOffice() : null;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shahn-demo-'));
  const env = {
    ...process.env,
    ...sims.env,
    ...(headOffice ? headOffice.env : {}),
    SHAHN_DATA_DIR: dataDir,
    SHAHN_PRINTER: `tcp://${sims.printer.host}:${sims.printer.port}`,
  };
  await seedDemoFolder(env);
  const users = DEMO_USERS.map((u) => `${u.username}/${u.pin} (${u.role})`).join(', ');
  const bin = electronBinary();
  let stop: () => Promise<void>;
  if (bin) {
    const child = spawn(bin, ['.'], { env, stdio: ['ignore', 'inherit', 'inherit'] });
    stop = async () => { child.kill(); };
    child.on('exit', () => void shutdown());
  } else {
    const shahn = await startBrowserShahn(env, port);
    console.log(`Shahn demo: ${shahn.url}`);
    console.log('(no Electron binary on this machine: serving the browser host; open the address above)');
    stop = shahn.close;
  }
  console.log(`Demo users (username/PIN): ${users}`);
  if (headOffice) {
    console.log(`Head office: ${headOffice.url} on PostgreSQL ${headOffice.databaseUrl} (deleted at exit)`);
    console.log(`Head office console: ${headOffice.consoleUrl}  sign in as ${headOffice.consoleAdmin.username} / ${headOffice.consoleAdmin.password} (this demo's database only)`);
    console.log(`Master data (meters, customers, tariffs, users) comes from the head office; its user: ${DEMO_HO_USER.username}/${DEMO_HO_USER.pin}`);
    // Leases in the demo: the head office holds the demo supply group's key, so an online sale
    // takes the meter's lease, and with the vendor unreachable the token is made here under it.
    const k = headOffice.vendingKey;
    console.log(`Offline sales under meter leases: the head office holds the vending key of SGC ${k.sgc} KRN ${k.krn} (KCV ${k.kcv}). Sell meter ${DEMO_STS_METERS[0]!.number} online and the counter takes its lease (console › Leases, and the meter's "Offline sales" card); ` +
      'then type "sts offline on" here (the STS vendor stops answering) and sell it again: the token is made on the counter under the lease. "sts offline off" brings the vendor back.');
  }
  if (sims.xmlvend) console.log(`STS vendor: XMLVend 2.1 server (${sims.xmlvend.style} style) at ${sims.xmlvend.url}`);
  console.log(`Simulators: STS ${sims.stsUrl}  Acrel ${sims.acrelUrl}  head office ${sims.headOfficeUrl}  printer tcp://${sims.printer.host}:${sims.printer.port}`);
  console.log(`Demo data folder: ${dataDir}`);
  let closing = false;
  async function shutdown() {
    if (closing) return;
    closing = true;
    await stop();
    await sims.close();
    await headOffice?.close();
    process.exit(0);
  }
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
  // The simulators' fault commands (npm run sim's: "sts offline on", "all clear", "help") on this
  // terminal, one at a time; without a terminal stdin ends at once and the demo keeps serving.
  console.log('Simulator commands here: "sts offline on|off", "acrel offline on|off", "all clear", "help".');
  const rl = readline.createInterface({ input: process.stdin, terminal: false });
  let queue = Promise.resolve();
  rl.on('line', (line) => {
    queue = queue.then(() => runCommand(sims, line)).then((out) => void (out && console.log(out))).catch((e: unknown) => console.error(e));
  });
}

main().catch((e: unknown) => {
  console.error(`Shahn demo could not start: ${(e as Error).message}`);
  process.exit(1);
});
