// Network faults: each must come out as exactly one of the three outcomes, and an "unknown" charge
// must be resolvable by its key without vending a second token.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { neverArrived } from '../../../main/vendors/outcome';
import { startSimulators, type Simulators } from '../../sim';
import { DEMO_ACREL_METERS, DEMO_STS_METERS } from '../../sim/demo-data';
import { acrelClient, newKey, stsClient } from './clients';

let sim: Simulators;
beforeAll(async () => {
  sim = await startSimulators();
});
afterAll(() => sim.close());
beforeEach(async () => {
  await sim.sts.setFaults({});
  await sim.acrel.setFaults({});
});

const meter = DEMO_STS_METERS[0]!.number;
const acrelMeter = DEMO_ACREL_METERS[0]!.number;
const charge = (key: string) => ({ meterNumber: meter, energyTenths: 50, amountMinor: 400, idempotencyKey: key });
const chargesFor = (key: string) => [...sim.sts.chargesByKey.values()].filter((c) => c.idempotencyKey === key).length;

describe('fault injection and outcome mapping', () => {
  it('offline: every attempt is refused at connect, so the outcome is unknown "unreachable:" and nothing happened', async () => {
    await sim.sts.setFaults({ offline: true });
    const key = newKey();
    const o = await stsClient(sim, { retryAttempts: 2 }).chargeMeter(charge(key));
    expect(o.kind).toBe('unknown');
    if (o.kind === 'unknown') expect(o.reason).toMatch(/^unreachable: ECONNREFUSED/);
    expect(neverArrived(o)).toBe(true);
    await sim.sts.setFaults({});
    expect(okKind(await stsClient(sim).verifyCharge({ idempotencyKey: key }))).toEqual({ found: false });
    // Back online on the same port: the same client works again.
    expect((await stsClient(sim).chargeMeter(charge(key))).kind).toBe('ok');
  });

  it('an unresolvable host is unreachable too', async () => {
    // A generous deadline: on a machine without DNS the resolver may take a while to give up.
    const o = await stsClient(sim, { baseUrl: 'http://no-such-host.invalid', timeoutMs: 25_000 }).testConnection();
    expect(o.kind).toBe('unknown');
    if (o.kind === 'unknown') expect(o.reason).toMatch(/^unreachable: (ENOTFOUND|EAI_AGAIN)/);
  });

  it('timeout: unknown (may have arrived); the charge still lands and verifyCharge finds it', async () => {
    await sim.sts.setFaults({ latencyMs: 400 });
    const key = newKey();
    const o = await stsClient(sim, { timeoutMs: 100 }).chargeMeter(charge(key));
    expect(o).toEqual({ kind: 'unknown', reason: 'timeout after 100 ms' });
    expect(neverArrived(o)).toBe(false);
    await vi.waitFor(() => expect(sim.sts.chargesByKey.has(key)).toBe(true), { timeout: 3_000 });
    await sim.sts.setFaults({});
    const found = okKind(await stsClient(sim).verifyCharge({ idempotencyKey: key }));
    expect(found).toMatchObject({ found: true, token: sim.sts.chargesByKey.get(key)!.token });
  });

  it('dropResponseNext: the vendor vends, the answer is lost -> unknown; verifyCharge resolves it without vending again', async () => {
    await sim.sts.setFaults({ dropResponseNext: true });
    const key = newKey();
    const c = stsClient(sim);
    const o = await c.chargeMeter(charge(key));
    expect(o.kind).toBe('unknown');
    if (o.kind === 'unknown') expect(o.reason).toMatch(/^connection lost/);
    const found = okKind(await c.verifyCharge({ idempotencyKey: key }));
    expect(found).toMatchObject({ found: true, meterNumber: meter, energyTenths: 50 });
    // Asking again with the same key also gives the same token, never a second one.
    const again = okKind(await c.chargeMeter(charge(key)));
    expect(found.found && again.token === found.token).toBe(true);
    expect(chargesFor(key)).toBe(1);
  });

  it('a keyed call retried after a lost response gets the stored answer (one charge)', async () => {
    await sim.sts.setFaults({ dropResponseNext: true });
    const key = newKey();
    const o = await stsClient(sim, { retryAttempts: 2 }).chargeMeter(charge(key));
    expect(o.kind).toBe('ok');
    expect(chargesFor(key)).toBe(1);
    expect(sim.sts.requestLog().slice(-2).map((r) => r.outcome)).toEqual(['dropped', 'replayed']);
  });

  it('failNext 503: unknown without retries; retried (same key) it succeeds once', async () => {
    await sim.sts.setFaults({ failNext: { status: 503 } });
    expect(await stsClient(sim).testConnection()).toEqual({ kind: 'unknown', reason: 'http 503' });
    await sim.sts.setFaults({ failNext: { status: 503 } });
    const key = newKey();
    expect((await stsClient(sim, { retryAttempts: 1 }).chargeMeter(charge(key))).kind).toBe('ok');
    expect(chargesFor(key)).toBe(1);
  });

  it('failNext 4xx with an error body is a refusal and is not retried', async () => {
    await sim.acrel.setFaults({ failNext: { status: 422 } });
    const before = sim.acrel.requestLog().length;
    const o = await acrelClient(sim, { retryAttempts: 3 }).rechargeBalance({ meterNumber: acrelMeter, amountMinor: 100, idempotencyKey: newKey() });
    expect(o).toMatchObject({ kind: 'refused', code: 'HTTP_422' });
    expect(sim.acrel.requestLog().length - before).toBe(1);
  });

  it('malformedNext: a 200 whose body breaks the protocol is unknown "malformed response", not a crash', async () => {
    await sim.sts.setFaults({ malformedNext: true });
    const key = newKey();
    const c = stsClient(sim);
    expect(await c.chargeMeter(charge(key))).toEqual({ kind: 'unknown', reason: 'malformed response' });
    expect(okKind(await c.verifyCharge({ idempotencyKey: key }))).toMatchObject({ found: true });
  });

  it('Acrel: a lost recharge answer is resolved by verifyCharge; the balance moved once', async () => {
    const start = sim.acrel.meters.balanceMinor(acrelMeter);
    await sim.acrel.setFaults({ dropResponseNext: true });
    const key = newKey();
    const c = acrelClient(sim);
    expect((await c.rechargeBalance({ meterNumber: acrelMeter, amountMinor: 700, idempotencyKey: key })).kind).toBe('unknown');
    expect(okKind(await c.verifyCharge({ idempotencyKey: key }))).toMatchObject({ found: true, amountMinor: 700, balanceMinor: start + 700 });
    expect(sim.acrel.meters.balanceMinor(acrelMeter)).toBe(start + 700);
  });
});

describe('responses from something that is not the vendor', () => {
  let server: http.Server;
  let url: string;
  let answer: { status: number; type: string; body: string };
  beforeAll(async () => {
    server = http.createServer((_req, res) => {
      res.writeHead(answer.status, { 'content-type': answer.type });
      res.end(answer.body);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('truncated JSON is malformed', async () => {
    answer = { status: 200, type: 'application/json', body: '{"status":"ok","serverTi' };
    expect(await stsClient(sim, { baseUrl: url }).testConnection()).toEqual({ kind: 'unknown', reason: 'malformed response' });
  });

  it('a 404 HTML page from a proxy is unknown, never a refusal', async () => {
    answer = { status: 404, type: 'text/html', body: '<html>Not Found</html>' };
    const o = await stsClient(sim, { baseUrl: url }).verifyCharge({ idempotencyKey: newKey() });
    expect(o.kind).toBe('unknown');
    if (o.kind === 'unknown') expect(o.reason).toMatch(/^malformed response/);
  });

  it('a redirect is not followed', async () => {
    answer = { status: 302, type: 'text/plain', body: '' };
    expect(await stsClient(sim, { baseUrl: url }).testConnection()).toEqual({ kind: 'unknown', reason: 'unexpected http 302' });
  });
});

function okKind<T>(o: { kind: string; value?: T }): T {
  if (o.kind !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(o)}`);
  return o.value as T;
}
