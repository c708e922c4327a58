// The commands `npm run sim` reads on its standard input: inject faults into a running simulator,
// type a token on a simulated meter, show the state. One line in, one answer out.
import type { Faults } from './kit/faults';
import type { Simulators } from './index';

export const HELP = `Commands (sim = sts | acrel | ho | all):
  <sim> offline on|off      stop/restart listening (clients see "connection refused")
  <sim> latency <ms>        delay every request (0 = none)
  <sim> fail <status>       answer the next request with this HTTP status, doing nothing
  <sim> drop                do the next request, then cut the connection (lost response)
  <sim> malformed           do the next request, then answer a body that breaks the protocol
  <sim> errors <rate>       answer this share (0..1) of requests 503, doing nothing (seeded)
  <sim> clear               remove all faults
  printer offline on|off    unplug / plug the printer
  token <meter> <digits>    type a 20-digit token on a simulated STS meter
  status                    charges, recharges, sales received, print jobs, faults
  help`;

type HttpName = 'sts' | 'acrel' | 'ho';

function targets(sim: Simulators, name: string) {
  const all: Record<HttpName, Simulators['sts'] | Simulators['acrel'] | Simulators['headOffice']> = {
    sts: sim.sts,
    acrel: sim.acrel,
    ho: sim.headOffice,
  };
  if (name === 'all') return Object.values(all);
  const one = all[name as HttpName];
  return one ? [one] : [];
}

/** Runs one command line; returns the text to print. */
export async function runCommand(sim: Simulators, line: string): Promise<string> {
  const [head = '', ...args] = line.trim().split(/\s+/);
  if (head === '') return '';
  if (head === 'help') return HELP;
  if (head === 'status') return status(sim);
  if (head === 'token') {
    const [meter, ...digits] = args;
    if (!meter || digits.length === 0) return 'usage: token <meter> <20 digits>';
    try {
      return JSON.stringify(sim.sts.meters.enterToken(meter, digits.join('')));
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
  }
  if (head === 'printer') {
    if (args[0] !== 'offline' || !['on', 'off'].includes(args[1] ?? '')) return 'usage: printer offline on|off';
    await sim.printer.setFaults({ offline: args[1] === 'on' });
    return `printer ${args[1] === 'on' ? 'offline' : 'online'}`;
  }
  const sims = targets(sim, head);
  if (sims.length === 0) return `unknown command "${head}" (try help)`;
  const change = parseFault(args);
  if (change.kind === 'error') return change.usage;
  for (const s of sims) await s.setFaults(change.kind === 'clear' ? {} : { ...s.faults(), ...change.faults });
  return `${head}: faults now ${sims.map((s) => JSON.stringify(s.faults())).join(' ')}`;
}

type FaultChange = { kind: 'set'; faults: Faults } | { kind: 'clear' } | { kind: 'error'; usage: string };

function parseFault(args: string[]): FaultChange {
  const [what, value] = args;
  const set = (faults: Faults): FaultChange => ({ kind: 'set', faults });
  const usage = (u: string): FaultChange => ({ kind: 'error', usage: `usage: ${u}` });
  switch (what) {
    case 'offline':
      return value === 'on' || value === 'off' ? set({ offline: value === 'on' }) : usage('<sim> offline on|off');
    case 'latency':
      return /^\d+$/.test(value ?? '') ? set({ latencyMs: Number(value) }) : usage('<sim> latency <ms>');
    case 'fail':
      return /^[1-5]\d\d$/.test(value ?? '') ? set({ failNext: { status: Number(value) } }) : usage('<sim> fail <status>');
    case 'drop':
      return set({ dropResponseNext: true });
    case 'malformed':
      return set({ malformedNext: true });
    case 'errors':
      return /^(0(\.\d+)?|1(\.0+)?)$/.test(value ?? '') ? set({ errorRate: Number(value) }) : usage('<sim> errors <rate 0..1>');
    case 'clear':
      return { kind: 'clear' };
    default:
      return usage('<sim> offline|latency|fail|drop|malformed|errors|clear ...');
  }
}

function status(sim: Simulators): string {
  return [
    `sts:     ${sim.sts.chargesByKey.size} token charge(s), ${sim.sts.rechargesByKey.size} balance recharge(s), faults ${JSON.stringify(sim.sts.faults())}`,
    `acrel:   ${sim.acrel.rechargesByKey.size} recharge(s), faults ${JSON.stringify(sim.acrel.faults())}`,
    `ho:      ${sim.headOffice.sales().length} sale(s) received, faults ${JSON.stringify(sim.headOffice.faults())}`,
    `printer: ${sim.printer.jobs().length} job(s)`,
  ].join('\n');
}
