// The head office's meter leases over real HTTP on a real PostgreSQL: one counter at a time holds a
// meter's offline vending, whatever the race; a grant's decoder key opens only for the counter it
// was made for and makes tokens the meter accepts; refusals say why in both languages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedHeaders } from '../../../main/vendors/signing';
import { createHeadOfficeClient } from '../../../main/vendors/head-office/client';
import { openDecoderKey } from '../../../main/vendors/head-office/lease-crypto';
import { LEASE_SKEW_MARGIN_MS, type LeaseResult } from '../../../main/vendors/head-office/lease-wire';
import type { VendorOutcome } from '../../../main/vendors/outcome';
import { creditToken, decodeToken, deriveDecoderKey, meterPan } from '../../../main/sts';
import { revokeCounterByApiKey } from '../../../head-office/db/counters';
import { grantLease, releaseExpiredLease } from '../../../head-office/db/leases';
import type { NewCounter } from '../../../head-office/counters';
import { DEMO_STS_KEYS } from '../../sim/demo-data';
import { startTestHeadOffice, type TestHeadOffice } from '../../helpers/head-office';
import { loadDemoKey, putMeters, stsMeter } from '../../helpers/leases';
import { usePostgres } from '../../helpers/postgres';

const postgres = usePostgres();
let ho: TestHeadOffice;
beforeAll(async () => {
  ho = await startTestHeadOffice(await postgres.freshDatabase());
  await loadDemoKey(ho.pool, ho.sealingKey);
});
afterAll(() => ho?.close());

const client = (c: NewCounter) => createHeadOfficeClient(ho.endpoint(c));
function value<T>(o: VendorOutcome<T>): T {
  if (o.kind !== 'ok') throw new Error(`expected an answer, got ${JSON.stringify(o)}`);
  return o.value;
}
let serial = 1000;
/** A fresh valid 11-digit meter number (manufacturer 04, Luhn check digit). */
function meterNo(): string {
  const body = `04${String(++serial).padStart(8, '0')}`;
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) { d *= 2; if (d > 9) d -= 9; }
    sum += d;
  }
  return body + String((10 - (sum % 10)) % 10);
}

describe('meter leases at the head office', () => {
  it('two counters racing for one meter: exactly one wins, every round', async () => {
    const a = await ho.addCounter('Race A');
    const b = await ho.addCounter('Race B');
    const ca = client(a);
    const cb = client(b);
    const rounds = 40;
    const meters = Array.from({ length: rounds }, meterNo);
    await putMeters(ho.pool, meters.map((m) => stsMeter(m)));
    for (const m of meters) {
      const [oa, ob] = await Promise.all([ca.acquireLeases([m]), cb.acquireLeases([m])]);
      const ra = value(oa);
      const rb = value(ob);
      const winners = [ra, rb].filter((r) => r.granted.length === 1);
      expect(winners).toHaveLength(1);
      const loser = ra.granted.length === 1 ? rb : ra;
      const winner = ra.granted.length === 1 ? a : b;
      expect(loser.refused).toEqual([expect.objectContaining({ meter: m, code: 'HELD_ELSEWHERE', heldBy: { counterName: winner.name, expiresAt: winners[0]!.granted[0]!.expiresAt } })]);
      expect(loser.refused[0]!.message.en).toContain(`held by counter "${winner.name}"`);
      expect(loser.refused[0]!.message.ar).toContain(winner.name);
    }
    const held = await ho.pool.query('SELECT count(*)::int AS n FROM meter_leases WHERE meter = ANY($1) AND released_at IS NULL', [meters]);
    expect(held.rows[0].n).toBe(rounds);
    const events = await ho.pool.query(`SELECT count(*)::int AS n FROM lease_events WHERE meter = ANY($1) AND event = 'granted'`, [meters]);
    expect(events.rows[0].n).toBe(rounds);
  });

  it('the same race through the database from many connections at once: one holder', async () => {
    const counters = await Promise.all(Array.from({ length: 6 }, (_, i) => ho.addCounter(`Pool racer ${i}`)));
    for (let round = 0; round < 20; round++) {
      const m = meterNo();
      const at = new Date();
      const results = await Promise.all(counters.map((c) => grantLease(ho.pool, { meter: m, counterId: c.id, at, leaseMs: 3_600_000, marginMs: LEASE_SKEW_MARGIN_MS })));
      expect(results.filter((r) => r.granted)).toHaveLength(1);
    }
  });

  it('a grant carries a decoder key that only its counter can open, and that makes tokens the meter accepts', async () => {
    const a = await ho.addCounter('Keys A');
    const b = await ho.addCounter('Keys B');
    const m = meterNo();
    await putMeters(ho.pool, [stsMeter(m)]);
    // The body as it travels: no decoder key and no vending key in the clear.
    const raw = value(await client(a).acquireLeases([m]));
    const g = raw.granted[0]!;
    const { sgc, ti, krn, keyType, baseDate, ea, dkga, vendingKey } = DEMO_STS_KEYS;
    const realKey = deriveDecoderKey({ dkga, vendingKey, keyType, sgc, ti, krn, pan: meterPan(m), baseDate, ea });
    const body = JSON.stringify(raw).toLowerCase();
    expect(body).not.toContain(realKey.toLowerCase());
    expect(body).not.toContain(vendingKey);
    expect(g.keyData).toEqual({ sgc, ti, krn, keyType, baseDate, ea, dkga });

    const opened = openDecoderKey(a, m, g.expiresAt, g.decoderKeySealed);
    expect(opened).toBe(realKey);
    const token = creditToken({ decoderKey: opened, subclass: 0, tid: 5_000_000, rnd: 3, tenths: 1234, ea: '07' });
    expect(decodeToken(realKey, token)).toMatchObject({ class: 0, crcOk: true, tid: 5_000_000, amountTenths: 1234 });

    // Another counter, another meter, another expiry, a tampered value: none opens.
    expect(() => openDecoderKey(b, m, g.expiresAt, g.decoderKeySealed)).toThrow(/cannot be opened/);
    expect(() => openDecoderKey(a, meterNo(), g.expiresAt, g.decoderKeySealed)).toThrow(/cannot be opened/);
    expect(() => openDecoderKey(a, m, new Date(Date.parse(g.expiresAt) + 1).toISOString(), g.decoderKeySealed)).toThrow(/cannot be opened/);
    const bytes = Buffer.from(g.decoderKeySealed, 'base64');
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 1;
    expect(() => openDecoderKey(a, m, g.expiresAt, bytes.toString('base64'))).toThrow(/cannot be opened/);
  });

  it('refuses unknown, inactive and cloud meters, and meters whose vending key it lacks, each with a reason in both languages', async () => {
    const a = await ho.addCounter('Refusals');
    const [unknown, inactive, cloud, otherGroup, ok] = [meterNo(), meterNo(), meterNo(), meterNo(), meterNo()];
    const badNumber = '12345';
    await putMeters(ho.pool, [
      stsMeter(badNumber),
      stsMeter(inactive, { active: false }),
      stsMeter(cloud, { kind: 'acrel', sts: null }),
      stsMeter(otherGroup, { sts: { ...stsMeter(otherGroup).sts!, sgc: '654321' } }),
      stsMeter(ok),
    ]);
    const r: LeaseResult = value(await client(a).acquireLeases([unknown, inactive, cloud, otherGroup, badNumber, ok, ok]));
    expect(r.granted.map((g) => g.meter)).toEqual([ok]);
    const why = Object.fromEntries(r.refused.map((x) => [x.meter, x]));
    expect(why[unknown]).toMatchObject({ code: 'UNKNOWN_METER', heldBy: null });
    expect(why[inactive]).toMatchObject({ code: 'METER_INACTIVE' });
    expect(why[cloud]).toMatchObject({ code: 'NOT_STS' });
    expect(why[otherGroup]).toMatchObject({ code: 'NO_VENDING_KEY' });
    expect(why[otherGroup]!.message.en).toContain('SGC 654321 KRN 1');
    // No decoder key can be bound to it: refused, and no lease taken.
    expect(why[badNumber]).toMatchObject({ code: 'NOT_STS' });
    expect((await ho.pool.query('SELECT 1 FROM meter_leases WHERE meter = $1', [badNumber])).rows).toEqual([]);
    for (const x of r.refused) {
      expect(x.message.en).toContain(x.meter);
      expect(x.message.ar).toContain(x.meter);
      expect(x.message.ar).toMatch(/[\u0600-\u06FF]/);
    }
  });

  it('a revoked counter gets no lease, and its leases end with it — but another counter waits out their expiry', async () => {
    const a = await ho.addCounter('Revoked');
    const b = await ho.addCounter('Successor');
    const m = meterNo();
    await putMeters(ho.pool, [stsMeter(m)]);
    expect(value(await client(a).acquireLeases([m])).granted).toHaveLength(1);
    await revokeCounterByApiKey(ho.pool, a.apiKey);
    const again = await client(a).acquireLeases([m]);
    expect(again).toMatchObject({ kind: 'refused', code: 'COUNTER_REVOKED' });
    const row = (await ho.pool.query('SELECT released_by FROM meter_leases WHERE meter = $1', [m])).rows[0];
    expect(row.released_by).toBe('revoked');
    // The revoked counter may be offline and selling until its lease runs out: nobody else yet.
    expect(value(await client(b).acquireLeases([m])).refused[0]).toMatchObject({ code: 'HELD_ELSEWHERE', heldBy: { counterName: 'Revoked' } });
  });

  it('a release by its holder frees the meter at once; releasing what you do not hold is harmless', async () => {
    const a = await ho.addCounter('Releaser');
    const b = await ho.addCounter('Next');
    const m = meterNo();
    await putMeters(ho.pool, [stsMeter(m)]);
    const g = value(await client(a).acquireLeases([m])).granted;
    expect(g).toHaveLength(1);
    const generation = g[0]!.generation;
    expect(value(await client(b).releaseLeases([{ meter: m, generation }]))).toEqual({ released: [], stale: [m] });
    expect(value(await client(b).acquireLeases([m])).refused).toHaveLength(1);
    const other = meterNo();
    expect(value(await client(a).releaseLeases([{ meter: m, generation }, { meter: other, generation: 1 }]))).toEqual({ released: [m], stale: [other] });
    expect(value(await client(a).releaseLeases([{ meter: m, generation }]))).toEqual({ released: [], stale: [m] });
    expect(value(await client(b).acquireLeases([m])).granted).toHaveLength(1);
    const history = (await ho.pool.query('SELECT e.event, c.name, e.generation FROM lease_events e JOIN counters c ON c.id = e.counter_id WHERE meter = $1 ORDER BY e.id', [m])).rows;
    expect(history).toEqual([
      { event: 'granted', name: 'Releaser', generation: String(generation) }, { event: 'released', name: 'Releaser', generation: String(generation) },
      { event: 'granted', name: 'Next', generation: String(generation + 1) },
    ]);
  });

  it('a release that arrives after a renewal (late, retried or replayed) changes nothing: the counter keeps the lease it renewed', async () => {
    const a = await ho.addCounter('Late release A');
    const b = await ho.addCounter('Late release B');
    const m = meterNo();
    await putMeters(ho.pool, [stsMeter(m)]);
    const first = value(await client(a).acquireLeases([m])).granted[0]!;
    // The counter asks for its release (generation n); before it commits, a sale renews the lease.
    const renewed = value(await client(a).acquireLeases([m])).granted[0]!;
    expect(renewed.generation).toBe(first.generation + 1);
    expect(value(await client(a).releaseLeases([{ meter: m, generation: first.generation }]))).toEqual({ released: [], stale: [m] });
    // A still holds it (at the renewed generation), so B does not get it.
    expect(value(await client(b).acquireLeases([m])).refused[0]).toMatchObject({ code: 'HELD_ELSEWHERE', heldBy: { counterName: 'Late release A' } });
    const row = (await ho.pool.query('SELECT released_at, generation FROM meter_leases WHERE meter = $1', [m])).rows[0];
    expect(row).toEqual({ released_at: null, generation: String(renewed.generation) });
    // The same release replayed byte for byte is as harmless; the current generation's is not stale.
    expect(value(await client(a).releaseLeases([{ meter: m, generation: first.generation }]))).toEqual({ released: [], stale: [m] });
    expect(value(await client(a).releaseLeases([{ meter: m, generation: renewed.generation }]))).toEqual({ released: [m], stale: [] });
    expect(value(await client(b).acquireLeases([m])).granted[0]!.generation).toBe(renewed.generation + 1);
  });

  it('a release in the old shape (meters without generations) is refused: it could end a renewed lease', async () => {
    const a = await ho.addCounter('Old release');
    const m = meterNo();
    await putMeters(ho.pool, [stsMeter(m)]);
    expect(value(await client(a).acquireLeases([m])).granted).toHaveLength(1);
    const raw = JSON.stringify({ meters: [m] });
    const headers = signedHeaders({ ...a, merchantId: null }, { method: 'POST', path: '/api/v1/leases/release', body: raw });
    const r = await fetch(`${ho.url}/api/v1/leases/release`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: raw });
    expect(r.status).toBe(422);
    expect((await ho.pool.query('SELECT released_at FROM meter_leases WHERE meter = $1', [m])).rows[0].released_at).toBeNull();
  });

  it('expiry: another counter gets the lease only after expiry plus the margin; an operator releases only an expired lease', async () => {
    const a = await ho.addCounter('Expiring');
    const b = await ho.addCounter('Waiting');
    const m = meterNo();
    const t0 = new Date('2030-01-01T00:00:00Z');
    const hour = 3_600_000;
    const grant = (id: number, at: Date) => grantLease(ho.pool, { meter: m, counterId: id, at, leaseMs: hour, marginMs: LEASE_SKEW_MARGIN_MS });
    expect(await grant(a.id, t0)).toMatchObject({ granted: true, event: 'granted' });
    expect(await grant(a.id, new Date(t0.getTime() + 10 * 60_000))).toMatchObject({ granted: true, event: 'renewed', grantedAt: t0 });
    const expiry = t0.getTime() + 10 * 60_000 + hour;
    expect(await grant(b.id, new Date(expiry - 1))).toMatchObject({ granted: false });
    expect(await grant(b.id, new Date(expiry + LEASE_SKEW_MARGIN_MS - 1))).toMatchObject({ granted: false });
    // An operator cannot release it before its expiry either.
    expect((await releaseExpiredLease(ho.pool, m, new Date(expiry - 1), 'operator:test')).released).toBe(false);
    expect(await grant(b.id, new Date(expiry + LEASE_SKEW_MARGIN_MS))).toMatchObject({ granted: true, event: 'granted' });
  });
});
