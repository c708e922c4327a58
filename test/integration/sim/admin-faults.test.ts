// The simulators' admin endpoint: GET/POST /__sim/faults (no signature, 127.0.0.1 only), and the
// errorRate fault it can set: a seeded share of requests answered 503 without being performed.
import http from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulators, type Simulators } from '../../sim';
import { DEMO_STS_METERS } from '../../sim/demo-data';
import { newKey, stsClient } from './clients';

let sim: Simulators;
beforeAll(async () => {
  sim = await startSimulators();
});
afterAll(() => sim.close());
beforeEach(async () => {
  await sim.sts.setFaults({});
  await sim.acrel.setFaults({});
  await sim.headOffice.setFaults({});
});

/** One request on its own connection (no keep-alive pool: a simulator going offline kills its sockets). */
function admin(url: string, body?: unknown): Promise<{ status: number; json(): Promise<unknown> }> {
  const text = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(`${url}/__sim/faults`, { method: text === undefined ? 'GET' : 'POST', agent: false, headers: { 'content-type': 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: async () => JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown }));
    });
    req.on('error', reject);
    req.end(text);
  });
}
const meter = DEMO_STS_METERS[0]!.number;

describe('POST/GET /__sim/faults', () => {
  it('sets and shows the faults of each simulator, without a signature', async () => {
    for (const [url, s] of [[sim.stsUrl, sim.sts], [sim.acrelUrl, sim.acrel], [sim.headOfficeUrl, sim.headOffice]] as const) {
      const set = await admin(url, { latencyMs: 5, failNext: { status: 502 } });
      expect(set.status).toBe(200);
      expect(await set.json()).toEqual({ faults: { latencyMs: 5, failNext: { status: 502 } } });
      expect(s.faults()).toEqual({ latencyMs: 5, failNext: { status: 502 } });
      const got = await admin(url);
      expect(await got.json()).toEqual({ faults: { latencyMs: 5, failNext: { status: 502 } } });
      // The admin calls neither used up failNext nor showed in the request log.
      expect(s.requestLog().some((r) => r.path.startsWith('/__sim'))).toBe(false);
      await admin(url, {});
      expect(s.faults()).toEqual({});
    }
  });

  it('an injected failNext set over HTTP reaches the next vendor call', async () => {
    await admin(sim.stsUrl, { failNext: { status: 503 } });
    const o = await stsClient(sim, { retryAttempts: 0 }).testConnection();
    expect(o.kind).toBe('unknown');
    expect((await stsClient(sim).testConnection()).kind).toBe('ok');
  });

  it('refuses what is not a fault set, naming the field, and leaves the faults as they were', async () => {
    await sim.sts.setFaults({ latencyMs: 1 });
    const bad = await admin(sim.stsUrl, { errorRate: 2 });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { status: string; error: { code: string; message: { en: string; ar: string } } };
    expect(body.error.code).toBe('BAD_FAULTS');
    expect(body.error.message.en).toMatch(/errorRate/);
    expect(body.error.message.ar).toMatch(/errorRate/);
    expect((await admin(sim.stsUrl, { explode: true })).status).toBe(400);
    expect((await admin(sim.stsUrl, 'not json')).status).toBe(400);
    expect(sim.sts.faults()).toEqual({ latencyMs: 1 });
  });

  it('offline over HTTP: answered first, then the server stops listening', async () => {
    const r = await admin(sim.acrelUrl, { offline: true });
    expect(r.status).toBe(200);
    await expect(admin(sim.acrelUrl)).rejects.toThrow();
    await sim.acrel.setFaults({});
    expect((await admin(sim.acrelUrl)).status).toBe(200);
  });
});

describe('errorRate', () => {
  it('fails about that share of requests with 503, performing none of them, repeatably for a seed', async () => {
    const run = async () => {
      await admin(sim.stsUrl, { errorRate: 0.3, errorSeed: 42 });
      const client = stsClient(sim, { retryAttempts: 0 });
      const keys: { key: string; ok: boolean }[] = [];
      for (let i = 0; i < 40; i++) {
        const key = newKey();
        const o = await client.chargeMeter({ meterNumber: meter, energyTenths: 10, amountMinor: 80, idempotencyKey: key });
        keys.push({ key, ok: o.kind === 'ok' });
        if (o.kind === 'unknown') expect(o.reason).toMatch(/503/);
      }
      return keys;
    };
    const first = await run();
    const failed = first.filter((k) => !k.ok);
    expect(failed.length).toBeGreaterThan(4);
    expect(failed.length).toBeLessThan(24);
    // Answered without being performed: no charge exists for a failed key.
    for (const f of failed) expect(sim.sts.chargesByKey.has(f.key)).toBe(false);
    for (const k of first.filter((x) => x.ok)) expect(sim.sts.chargesByKey.has(k.key)).toBe(true);
    const log503 = sim.sts.requestLog().filter((r) => r.outcome === 503).length;
    expect(log503).toBeGreaterThanOrEqual(failed.length);
    // Setting the same seed again fails the same positions.
    const second = await run();
    expect(second.map((k) => k.ok)).toEqual(first.map((k) => k.ok));
  });

  it('0 fails nothing and 1 fails everything', async () => {
    await sim.headOffice.setFaults({ errorRate: 1 });
    const res = await fetch(`${sim.headOfficeUrl}/api/v1/ping`);
    expect(res.status).toBe(503);
    await res.arrayBuffer();
    await admin(sim.headOfficeUrl, { errorRate: 0 });
    const after = await fetch(`${sim.headOfficeUrl}/api/v1/ping`);
    expect(after.status).toBe(401); // reached the signature check
    await after.arrayBuffer();
  });
});
