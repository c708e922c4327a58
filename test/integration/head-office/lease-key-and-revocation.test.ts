// A lease and the vending key behind it, and the console's revocation, at the real head office:
// a grant never outlasts its key's last day (in HEAD_OFFICE_TIME_ZONE) and names the key it was
// derived from; once the key is replaced, the next renewal brings the new key's decoder key; an
// administrator's revocation in the console ends the counter's leases like the command line's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHeadOfficeClient } from '../../../main/vendors/head-office/client';
import { openDecoderKey } from '../../../main/vendors/head-office/lease-crypto';
import type { VendorOutcome } from '../../../main/vendors/outcome';
import { deriveDecoderKey, meterPan } from '../../../main/sts';
import { keyCheckValue } from '../../../main/keys/kcv';
import { loadVendingKeyFile } from '../../../head-office/leases/vending-keys';
import type { NewCounter } from '../../../head-office/counters';
import { DEMO_STS_KEYS, DEMO_STS_METERS } from '../../sim/demo-data';
import { addConsoleUser, consoleClient } from '../../helpers/console';
import { startTestHeadOffice, type TestHeadOffice } from '../../helpers/head-office';
import { demoKeyFile, putMeters, stsMeter } from '../../helpers/leases';
import { usePostgres } from '../../helpers/postgres';

const postgres = usePostgres();
let ho: TestHeadOffice;
// UTC+3 all year: a key's last day ends at 21:00 UTC.
const TZ = 'Asia/Aden';
beforeAll(async () => {
  ho = await startTestHeadOffice(await postgres.freshDatabase(), { timeZone: TZ });
});
afterAll(() => ho?.close());

const client = (c: NewCounter) => createHeadOfficeClient(ho.endpoint(c));
function value<T>(o: VendorOutcome<T>): T {
  if (o.kind !== 'ok') throw new Error(`expected an answer, got ${JSON.stringify(o)}`);
  return o.value;
}
const OTHER_KEY = '0123456789abcdef';
const decoderKeyFor = (meter: string, vendingKey: string) => {
  const { sgc, ti, krn, keyType, baseDate, ea, dkga } = DEMO_STS_KEYS;
  return deriveDecoderKey({ dkga, vendingKey, keyType, sgc, ti, krn, pan: meterPan(meter), baseDate, ea });
};

describe('a lease and its vending key', () => {
  it('never outlasts the key\'s last day in the head office\'s time zone, names its key, and a renewal after a replacement brings the new key', async () => {
    // The key's last day: the day after tomorrow (UTC), well inside the 72-hour lease.
    const lastDay = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const first = await loadVendingKeyFile(ho.pool, ho.sealingKey, demoKeyFile({ EXPIRES: lastDay }), { by: 'test', replace: false, now: new Date() });
    const a = await ho.addCounter('Key till');
    const [m1, m2] = [DEMO_STS_METERS[0]!.number, DEMO_STS_METERS[1]!.number];
    await putMeters(ho.pool, [stsMeter(m1), stsMeter(m2)]);

    const g = value(await client(a).acquireLeases([m1])).granted[0]!;
    expect(g.expiresAt).toBe(`${lastDay}T21:00:00.000Z`);
    expect(g.vendingKey).toEqual({ id: first.row.id, kcv: first.row.kcv });
    expect(openDecoderKey(a, m1, g.expiresAt, g.decoderKeySealed)).toBe(decoderKeyFor(m1, DEMO_STS_KEYS.vendingKey));
    expect((await ho.pool.query('SELECT vending_key_id FROM meter_leases WHERE meter = $1', [m1])).rows[0].vending_key_id).toBe(String(first.row.id));

    // The key is replaced (load-key --replace, or the console): the next renewal is not "as
    // before" — it carries the new key's decoder key and names the new key.
    const second = await loadVendingKeyFile(ho.pool, ho.sealingKey, demoKeyFile({ VENDING_KEY: OTHER_KEY }), { by: 'test', replace: true, now: new Date(), certificateKcv: keyCheckValue(OTHER_KEY) });
    const r = value(await client(a).acquireLeases([m1, m2])).granted;
    const renewed = r.find((x) => x.meter === m1)!;
    expect(renewed.generation).toBe(g.generation + 1);
    expect(renewed.vendingKey).toEqual({ id: second.row.id, kcv: keyCheckValue(OTHER_KEY) });
    expect(openDecoderKey(a, m1, renewed.expiresAt, renewed.decoderKeySealed)).toBe(decoderKeyFor(m1, OTHER_KEY));
    // The new key has no expiry: the renewal runs its full 72 hours, past the old key's last day.
    const full = Date.now() + 72 * 3_600_000;
    for (const x of r) expect(Math.abs(Date.parse(x.expiresAt) - full)).toBeLessThan(60_000);
  });
});

describe('revocation in the console', () => {
  it('ends the counter\'s leases with their release events, as the command line\'s does; another counter still waits for their expiry', async () => {
    await addConsoleUser(ho.pool, 'the-admin', 'admin');
    const admin = consoleClient(ho.url);
    expect((await admin.signIn('the-admin')).status).toBe(200);
    const a = await ho.addCounter('Revoked in console');
    const b = await ho.addCounter('After revocation');
    const m = DEMO_STS_METERS[3]!.number;
    await putMeters(ho.pool, [stsMeter(m)]);
    const g = value(await client(a).acquireLeases([m])).granted[0]!;

    expect((await admin.send('POST', `/console/api/counters/${a.id}/revoke`)).status).toBe(200);
    const row = (await ho.pool.query('SELECT released_at, released_by FROM meter_leases WHERE meter = $1', [m])).rows[0];
    expect(row.released_by).toBe('revoked');
    expect(row.released_at).not.toBeNull();
    const events = (await ho.pool.query('SELECT event, by, generation FROM lease_events WHERE meter = $1 ORDER BY id', [m])).rows;
    expect(events).toEqual([
      { event: 'granted', by: 'counter', generation: String(g.generation) },
      { event: 'released', by: 'revoked', generation: String(g.generation) },
    ]);
    // It can never renew it, and the other counter waits: the revoked one may be offline and selling.
    expect(await client(a).acquireLeases([m])).toMatchObject({ kind: 'refused', code: 'COUNTER_REVOKED' });
    expect(value(await client(b).acquireLeases([m])).refused[0]).toMatchObject({ code: 'HELD_ELSEWHERE', heldBy: { counterName: 'Revoked in console' } });
  });
});
