// The counter's side of a lease's life against the real head office: a lease request and a
// release of one meter never overlap (one queue per meter), the meter is not vended while its
// release is in flight, and only the head office's answer for that generation ends it here; a
// lease derived from a vending key the head office has since replaced is stale once a grant
// brought the new key.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { openDb } from '../../../db/open';
import type { MeterRecord } from '../../../db/repos/meters';
import { leasePlan } from '../../../main/leases/local-plan';
import { createLeaseService, type LeaseService } from '../../../main/leases/service';
import { createHeadOfficeClient, type HeadOfficeClient } from '../../../main/vendors/head-office/client';
import { deriveDecoderKey, meterPan } from '../../../main/sts';
import { keyCheckValue } from '../../../main/keys/kcv';
import { loadVendingKeyFile } from '../../../head-office/leases/vending-keys';
import type { NewCounter } from '../../../head-office/counters';
import { DEMO_STS_KEYS, DEMO_STS_METERS } from '../../sim/demo-data';
import { startTestHeadOffice, type TestHeadOffice } from '../../helpers/head-office';
import { demoKeyFile, loadDemoKey, putMeters, stsMeter } from '../../helpers/leases';
import { usePostgres } from '../../helpers/postgres';

const postgres = usePostgres();
let ho: TestHeadOffice;
beforeAll(async () => {
  ho = await startTestHeadOffice(await postgres.freshDatabase());
  await loadDemoKey(ho.pool, ho.sealingKey);
  await putMeters(ho.pool, DEMO_STS_METERS.map((m) => stsMeter(m.number)));
});
afterAll(() => ho?.close());

const { sgc, ti, krn, keyType, baseDate, ea, dkga } = DEMO_STS_KEYS;
const meterRecord = (number: string) => ({ number, sts: { sgc, ti, krn, keyType, baseDate, ea, dkga, keyChangeFrom: null } }) as unknown as MeterRecord;
const silent = { info: () => undefined, warn: () => undefined };

/** The lease service of one counter, on its own database, speaking to the head office through `client`. */
function counterLeases(c: NewCounter, wrap: (real: HeadOfficeClient) => HeadOfficeClient = (x) => x): LeaseService {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shahn-lease-'));
  const db = openDb(path.join(dir, 'shahn.sqlite'));
  onTestFinished(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const cfg = ho.endpoint(c);
  const client = wrap(createHeadOfficeClient(cfg));
  return createLeaseService({ db, masterKey: randomBytes(32), now: () => new Date(), log: silent, headOffice: () => ({ cfg, client }) });
}

/** Lets every callback already queued run: enough for a request that is free to go to be sent. */
const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
};

const events = async (meter: string) =>
  (await ho.pool.query('SELECT event, generation FROM lease_events WHERE meter = $1 ORDER BY id', [meter])).rows.map((r) => `${r.event}:${r.generation}`);

describe('the counter\'s lease requests and releases, per meter', () => {
  it('a lease request waits for the release in flight; the meter is not vended meanwhile; the release ends only its own generation', async () => {
    const m = DEMO_STS_METERS[0]!.number;
    const sent: string[] = [];
    let openGate!: () => void;
    const gate = new Promise<void>((r) => { openGate = r; });
    let released!: () => void;
    const releaseSent = new Promise<void>((r) => { released = r; });
    const leases = counterLeases(await ho.addCounter('Queue A'), (real) => ({
      ...real,
      async acquireLeases(meters) {
        sent.push('acquire');
        return real.acquireLeases(meters);
      },
      async releaseLeases(l) {
        sent.push('release');
        released();
        await gate; // a slow network
        return real.releaseLeases(l);
      },
    }));
    expect(await leases.ask([m])).toMatchObject({ kind: 'answered', granted: [m] });
    const g1 = leases.lease(m)!.generation!;
    expect(leasePlan(leases, meterRecord(m), new Date(), 'UTC').problem).toBeNull();

    const giving = leases.release([m]);
    await releaseSent;
    // In flight: stopped here at once, before the head office has heard of it.
    expect(leases.lease(m)).toMatchObject({ state: 'releasing', generation: g1, decoderKeySealed: null });
    expect(leasePlan(leases, meterRecord(m), new Date(), 'UTC').problem?.code).toBe('NO_LEASE');
    // A sale of the meter asks for its lease meanwhile: the request waits for the release.
    const asking = leases.ask([m]);
    await settle();
    expect(sent).toEqual(['acquire', 'release']);
    expect(leases.lease(m)?.state).toBe('releasing');

    openGate();
    await giving;
    expect(await asking).toMatchObject({ kind: 'answered', granted: [m] });
    expect(sent).toEqual(['acquire', 'release', 'acquire']);
    // At the head office: released, then a new grant — never a renewal overtaken by a release.
    expect(await events(m)).toEqual([`granted:${g1}`, `released:${g1}`, `granted:${g1 + 1}`]);
    expect(leases.lease(m)).toMatchObject({ state: 'held', generation: g1 + 1 });
    expect(leasePlan(leases, meterRecord(m), new Date(), 'UTC').problem).toBeNull();
    const row = (await ho.pool.query('SELECT released_at, generation FROM meter_leases WHERE meter = $1', [m])).rows[0];
    expect(row).toEqual({ released_at: null, generation: String(g1 + 1) });
  });

  it('a release the head office answers as stale (renewed since, by a request whose answer was lost) ends this generation here, and nothing at the head office', async () => {
    const m = DEMO_STS_METERS[1]!.number;
    const c = await ho.addCounter('Queue B');
    const leases = counterLeases(c);
    expect(await leases.ask([m])).toMatchObject({ kind: 'answered', granted: [m] });
    const g1 = leases.lease(m)!.generation!;
    // A renewal reached the head office but its answer never came back.
    await createHeadOfficeClient(ho.endpoint(c)).acquireLeases([m]);
    await leases.release([m]);
    expect(leases.lease(m)).toBeUndefined();
    expect(await events(m)).toEqual([`granted:${g1}`, `renewed:${g1 + 1}`]);
    expect((await ho.pool.query('SELECT released_at FROM meter_leases WHERE meter = $1', [m])).rows[0].released_at).toBeNull();
  });
});

describe('a lease and the vending key it came from', () => {
  it('once a grant brings the head office\'s replacement key, leases from the old key are stale here until renewed', async () => {
    const [m1, m2] = [DEMO_STS_METERS[2]!.number, DEMO_STS_METERS[3]!.number];
    const leases = counterLeases(await ho.addCounter('Key change'));
    expect(await leases.ask([m1, m2])).toMatchObject({ kind: 'answered', granted: [m1, m2] });
    const oldKey = leases.lease(m1)!.vendingKey!;
    expect(leases.lease(m2)!.vendingKey).toEqual(oldKey);
    expect(leasePlan(leases, meterRecord(m2), new Date(), 'UTC').problem).toBeNull();

    const replacement = '0123456789abcdef';
    const loaded = await loadVendingKeyFile(ho.pool, ho.sealingKey, demoKeyFile({ VENDING_KEY: replacement }), { by: 'test', replace: true, now: new Date(), certificateKcv: keyCheckValue(replacement) });
    // m1 is renewed: the counter now holds the new key's decoder key for it.
    await leases.ask([m1]);
    expect(leases.lease(m1)!.vendingKey).toEqual({ id: loaded.row.id, kcv: keyCheckValue(replacement) });
    const newDecoder = deriveDecoderKey({ dkga, vendingKey: replacement, keyType, sgc, ti, krn, pan: meterPan(m1), baseDate, ea });
    expect(leases.withDecoderKey(leases.lease(m1)!, (k) => k)).toBe(newDecoder);
    expect(leasePlan(leases, meterRecord(m1), new Date(), 'UTC').problem).toBeNull();
    // m2's lease still carries the old key's decoder key: stale, not used.
    expect(leasePlan(leases, meterRecord(m2), new Date(), 'UTC').problem?.code).toBe('LEASE_KEY_STALE');
    await leases.ask([m2]);
    expect(leasePlan(leases, meterRecord(m2), new Date(), 'UTC').problem).toBeNull();
  });
});
