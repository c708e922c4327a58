// The crash and network tests' meters: more than the demo has, so many sales spread over many
// meters. STS meters use the demo (test) keys; "vendor" meters are only sold while the STS cloud
// is up, "mixed" meters in every phase (so vendor and local tokens interleave on one meter).
import type Database from 'better-sqlite3';
import { isValidMeterNumber } from '../../main/sts';
import { DEMO_STS_KEYS, type DemoAcrelMeter, type DemoStsMeter } from '../sim/demo-data';
import { mulberry32 } from '../sim/kit/random';

function stsNumber(serial: number): string {
  const body = `07${String(serial).padStart(8, '0')}`;
  for (let d = 0; d < 10; d++) if (isValidMeterNumber(body + d)) return body + d;
  throw new Error(`no check digit for ${body}`);
}

const customer = (i: number) => ({ nameAr: `عميل ${i}`, nameEn: `Customer ${i}`, phone: `+96777000${String(i).padStart(4, '0')}` });

export const FLEET_STS_VENDOR: DemoStsMeter[] = Array.from({ length: 12 }, (_, i) => ({
  number: stsNumber(1000 + i), customer: customer(i), keys: DEMO_STS_KEYS, connection: 'none', startingBalanceTenths: 0,
}));
export const FLEET_STS_MIXED: DemoStsMeter[] = Array.from({ length: 12 }, (_, i) => ({
  number: stsNumber(2000 + i), customer: customer(100 + i), keys: DEMO_STS_KEYS, connection: 'none', startingBalanceTenths: 0,
}));
export const FLEET_ACREL: DemoAcrelMeter[] = Array.from({ length: 12 }, (_, i) => ({
  number: `3030000000${String(i).padStart(2, '0')}`, customer: customer(200 + i), paymentMode: 'prepaid', startingBalanceMinor: 0, loadW: 0,
}));
export const FLEET_STS = [...FLEET_STS_VENDOR, ...FLEET_STS_MIXED];

/** Adds the fleet to an app database already seeded with the demo data (its tariff and users). */
export function seedFleet(db: Database.Database, at = new Date().toISOString()): void {
  db.transaction(() => {
    const k = DEMO_STS_KEYS;
    for (const m of FLEET_STS) {
      db.prepare(
        `INSERT INTO meters (number, kind, schedule_code, sts_sgc, sts_ti, sts_krn, sts_key_type, sts_base_date, sts_ea, sts_dkga, created_at)
         VALUES (?, 'sts', 'RES-TOU', ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(m.number, k.sgc, k.ti, k.krn, k.keyType, k.baseDate, k.ea, k.dkga, at);
    }
    for (const m of FLEET_ACREL) {
      db.prepare(`INSERT INTO meters (number, kind, schedule_code, payment_mode, created_at) VALUES (?, 'acrel', 'RES-TOU', 'prepaid', ?)`).run(m.number, at);
    }
  })();
}

/** A small seeded PRNG (mulberry32): the same seed gives the same kill points and sales. */
export const rng = mulberry32;
