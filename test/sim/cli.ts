// `npm run sim`: starts every simulator with the demo data, prints where they are and the env that
// points the app at them, then takes fault commands on stdin until Ctrl-C.
//   npm run sim                      fixed ports 7301 (STS) 7302 (Acrel) 7303 (head office) 7304 (printer)
//   npm run sim -- --random-ports    any free ports
//   npm run sim -- --write-env .env.sim   also write the env lines to a file
import { writeFileSync } from 'node:fs';
import readline from 'node:readline';
import { DEMO_ACREL_METERS, DEMO_STS_METERS } from './demo-data';
import { HELP, runCommand } from './cli-commands';
import { startSimulators } from './index';

const FIXED_PORTS = { sts: 7301, acrel: 7302, headOffice: 7303, printer: 7304 };

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const envFileAt = args.indexOf('--write-env');
  const envFile = envFileAt >= 0 ? args[envFileAt + 1] : undefined;
  const sim = await startSimulators({ ports: args.includes('--random-ports') ? {} : FIXED_PORTS });

  const envLines = Object.entries(sim.env).map(([k, v]) => `${k}=${v}`);
  if (envFile) writeFileSync(envFile, envLines.join('\n') + '\n');
  console.log(`Shahn simulators (demo data, in memory)
  STS vendor API   ${sim.stsUrl}
  Acrel API        ${sim.acrelUrl}
  Head office      ${sim.headOfficeUrl}
  ESC/POS printer  tcp://${sim.printer.host}:${sim.printer.port}

STS meters:   ${DEMO_STS_METERS.map((m) => m.number).join(', ')}
Acrel meters: ${DEMO_ACREL_METERS.map((m) => `${m.number} (${m.paymentMode})`).join(', ')}

Environment${envFile ? ` (also written to ${envFile})` : ''}:
${envLines.join('\n')}

${HELP}
Ctrl-C stops.`);

  const stop = async () => {
    await sim.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());

  const rl = readline.createInterface({ input: process.stdin, terminal: false });
  // One command at a time, so answers come out in the order the commands went in.
  let queue = Promise.resolve();
  rl.on('line', (line) => {
    queue = queue
      .then(() => runCommand(sim, line))
      .then((out) => void (out && console.log(out)))
      .catch((err: unknown) => console.error(err));
  });
  // Without a terminal (e.g. started in the background) stdin ends at once: keep serving.
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
