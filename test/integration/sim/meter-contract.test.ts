// Contract tests: every meter-management operation of both clients against the simulators, and
// each one comes out as exactly one of the three outcomes whatever the network does.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MALFORMED_RESPONSE } from '../../../main/vendors/outcome';
import { startSimulators, type Simulators } from '../../sim';
import { acrelClient, stsClient } from './clients';
import { ACREL_OPS, STS_OPS } from './meter-ops-table';

let sim: Simulators;
beforeAll(async () => {
  sim = await startSimulators({ frozen: true });
});
afterAll(() => sim.close());
beforeEach(async () => {
  await sim.sts.setFaults({});
  await sim.acrel.setFaults({});
});

const arabic = /[\u0600-\u06FF]/;

for (const [vendor, ops] of [['STS', STS_OPS], ['Acrel', ACREL_OPS]] as const) {
  describe(`${vendor} meter management, every operation`, () => {
    const client = () => (vendor === 'STS' ? stsClient(sim) : acrelClient(sim)) as never;
    const server = () => (vendor === 'STS' ? sim.sts : sim.acrel);
    for (const op of ops) {
      it(`${op.name}: ok`, async () => {
        expect(await op.ok(client())).toMatchObject({ kind: 'ok' });
      });
      it(`${op.name}: refused ${op.code}, bilingual`, async () => {
        const o = await op.refused(client());
        expect(o).toMatchObject({ kind: 'refused', code: op.code });
        if (o.kind === 'refused') expect(o.message.ar).toMatch(arabic);
      });
      it(`${op.name}: cloud unreachable -> unknown`, async () => {
        await server().setFaults({ offline: true });
        const o = await op.ok(client());
        expect(o.kind).toBe('unknown');
      });
      it(`${op.name}: malformed answer -> unknown, not a crash`, async () => {
        await server().setFaults({ malformedNext: true });
        expect(await op.ok(client())).toEqual({ kind: 'unknown', reason: MALFORMED_RESPONSE });
      });
    }
  });
}
