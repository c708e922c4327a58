// The stdin commands of `npm run sim` really change the running simulators.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulators, type Simulators } from '../../sim';
import { runCommand } from '../../sim/cli-commands';
import { DEMO_STS_METERS } from '../../sim/demo-data';
import { newKey, stsClient } from './clients';

let sim: Simulators;
beforeAll(async () => {
  sim = await startSimulators();
});
afterAll(() => sim.close());

describe('sim CLI commands', () => {
  it('injects and clears faults', async () => {
    await runCommand(sim, 'sts fail 503');
    expect(await stsClient(sim).testConnection()).toEqual({ kind: 'unknown', reason: 'http 503' });
    await runCommand(sim, 'all offline on');
    expect(sim.acrel.faults()).toEqual({ offline: true });
    const o = await stsClient(sim).testConnection();
    expect(o.kind === 'unknown' && o.reason.startsWith('unreachable:')).toBe(true);
    await runCommand(sim, 'all clear');
    expect((await stsClient(sim).testConnection()).kind).toBe('ok');
    expect(await runCommand(sim, 'sts latency soon')).toMatch(/^usage/);
  });

  it('types a vended token on the meter', async () => {
    const meter = DEMO_STS_METERS[1]!.number;
    const o = await stsClient(sim).chargeMeter({ meterNumber: meter, energyTenths: 77, amountMinor: 700, idempotencyKey: newKey() });
    if (o.kind !== 'ok') throw new Error(JSON.stringify(o));
    const grouped = o.value.token.replace(/(\d{4})(?=\d)/g, '$1 ');
    expect(JSON.parse(await runCommand(sim, `token ${meter} ${grouped}`))).toMatchObject({ accepted: true, amountTenths: 77 });
    expect(await runCommand(sim, 'status')).toMatch(/sts: +1 token charge/);
  });
});
