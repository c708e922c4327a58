// Meters and vending keys at a test head office, the way an office sets them up: meters in the
// master data (as the console will write them), the supply group's key from a key file.
import type pg from 'pg';
import { startCuttableLink, type CuttableLink } from './cuttable-link';
import { startTestHeadOffice, type TestHeadOffice } from './head-office';
import { writeMasterData } from '../../head-office/db/master-data';
import { loadVendingKeyFile } from '../../head-office/leases/vending-keys';
import type { MasterMeter } from '../../main/vendors/head-office/master-data-wire';
import { demoKeyFile } from '../../scripts/demo-head-office';
import { DEMO_STS_KEYS, DEMO_STS_METERS } from '../sim/demo-data';

export { demoKeyFile };

export function stsMeter(number: string, over: Partial<MasterMeter> = {}): MasterMeter {
  const { sgc, ti, krn, keyType, baseDate, ea, dkga } = DEMO_STS_KEYS;
  return {
    number, kind: 'sts', active: true, customerKey: null, scheduleCode: 'RES', groupCode: null, paymentMode: 'prepaid',
    sts: { sgc, ti, krn, keyType, baseDate, ea, dkga }, minPurchaseMinor: null, maxPurchaseMinor: null, creditLimitMinor: null, depositMinor: 0, ...over,
  };
}

export async function putMeters(pool: pg.Pool, meters: MasterMeter[]): Promise<void> {
  await writeMasterData(pool, meters.map((m) => ({ entity: 'meter', key: m.number, counterId: null, data: m })), 'test');
}

export async function loadDemoKey(pool: pg.Pool, sealingKey: Buffer): Promise<void> {
  await loadVendingKeyFile(pool, sealingKey, demoKeyFile(), { by: 'test', replace: false, now: new Date() });
}

/**
 * A head office that leases the demo meters (their master data and the demo supply group's key),
 * reached through a link a test can cut to put its counters offline.
 */
export async function startLeasingHeadOffice(databaseUrl: string): Promise<{ ho: TestHeadOffice; link: CuttableLink }> {
  const ho = await startTestHeadOffice(databaseUrl);
  await loadDemoKey(ho.pool, ho.sealingKey);
  await putMeters(ho.pool, DEMO_STS_METERS.map((m) => stsMeter(m.number)));
  return { ho, link: await startCuttableLink(ho.url) };
}
