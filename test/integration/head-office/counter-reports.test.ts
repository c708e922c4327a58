// What a counter reports to the head office beyond its sales, through its outbox to the real
// service: Z reports (kept byte for byte, once per counter and Z number, repeats counted, a report
// not matching its hash or differing from the stored one refused) and dead letters (why a message
// was refused, then what a supervisor did about it: the latest state kept).
import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHeadOfficeClient } from '../../../main/vendors/head-office/client';
import { DEMO_ACREL_METERS, DEMO_STS_METERS } from '../../sim/demo-data';
import { eventually, startHarness, type Harness } from '../../helpers/harness';
import { startTestHeadOffice, type TestHeadOffice } from '../../helpers/head-office';
import { usePostgres } from '../../helpers/postgres';

const postgres = usePostgres();
let ho: TestHeadOffice;
let h: Harness | undefined;
beforeAll(async () => {
  ho = await startTestHeadOffice(await postgres.freshDatabase());
});
afterAll(() => ho?.close());
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('Z reports at the head office', () => {
  it('a closed shift reaches PostgreSQL once, byte for byte; a repeat is counted; an altered one is refused', async () => {
    const counter = await ho.addCounter('Counter Z');
    h = await startHarness({ env: { HEAD_OFFICE_URL: ho.url, HEAD_OFFICE_KEY: counter.apiKey, HEAD_OFFICE_SECRET: counter.apiSecret } });
    await h.login();
    if (!(await h.call('shifts.current', {}))) await h.call('shifts.open', { floatMinor: 0 });
    const sale = await h.call('sales.sell', await h.confirmed({ meterNumber: DEMO_STS_METERS[0]!.number, amountMinor: 1000, tenderedMinor: 1000, paymentMethod: 'cash' }));
    const { report } = await h.call('shifts.close', { countedCashMinor: sale.chargedMinor + 50 });

    const outbox = () => (h!.app.db.read.prepare(`SELECT status FROM outbox WHERE topic = 'headoffice.zreport' AND key = ?`).get(`z:${report.zNo}`) as { status: string } | undefined)?.status;
    await eventually(() => outbox() === 'done', 10_000, 'the outbox to deliver the Z report');
    const stored = async () => (await ho.pool.query('SELECT z_no, hash, report_json, expected_cash_minor, counted_cash_minor, variance_minor, sales_count, delivery_count FROM z_reports WHERE counter_id = $1', [counter.id])).rows;
    const row = (h.app.db.read.prepare('SELECT report_json, hash FROM z_reports WHERE z_no = ?').get(report.zNo) as { report_json: string; hash: string });
    expect(await stored()).toEqual([{
      z_no: report.zNo, hash: report.hash, report_json: row.report_json, expected_cash_minor: String(report.expectedCashMinor),
      counted_cash_minor: String(sale.chargedMinor + 50), variance_minor: '50', sales_count: 1, delivery_count: 1,
    }]);

    // The same report again (a repeated delivery): counted, nothing else changes.
    const client = createHeadOfficeClient(ho.endpoint(counter));
    expect(await client.pushZReport({ reportJson: row.report_json, hash: row.hash })).toEqual({ kind: 'ok', value: { zNo: report.zNo, stored: 'repeat' } });
    expect((await stored())[0].delivery_count).toBe(2);

    // Another report under the same number, with its own correct hash: refused for good.
    const altered = row.report_json.replace(`"countedCashMinor":${sale.chargedMinor + 50}`, `"countedCashMinor":${sale.chargedMinor}`).replace('"varianceMinor":50', '"varianceMinor":0');
    expect(altered).not.toBe(row.report_json);
    const refused = await client.pushZReport({ reportJson: altered, hash: createHash('sha256').update(altered).digest('hex') });
    expect(refused.kind === 'refused' && refused.code).toBe('Z_REPORT_CHANGED');
    // A report that is not the one its hash names.
    const mismatch = await client.pushZReport({ reportJson: altered, hash: row.hash });
    expect(mismatch.kind === 'refused' && mismatch.code).toBe('Z_REPORT_HASH');
    expect(await stored()).toHaveLength(1);
    expect((await stored())[0].counted_cash_minor).toBe(String(sale.chargedMinor + 50));
  });

  it('a dead letter is reported with its reason, then with the supervisor\'s resolution', async () => {
    const counter = await ho.addCounter('Counter D');
    h = await startHarness({ env: { HEAD_OFFICE_URL: ho.url, HEAD_OFFICE_KEY: counter.apiKey, HEAD_OFFICE_SECRET: counter.apiSecret, ACREL_API_RETRY_ATTEMPTS: '0' } });
    await h.login();
    // The cloud refuses the recharge for good: the message dies at the counter.
    await h.sims.acrel.setFaults({ failNext: { status: 422 } });
    await h.call('sales.sell', await h.confirmed({ meterNumber: DEMO_ACREL_METERS[0]!.number, amountMinor: 2000, tenderedMinor: 2000, paymentMethod: 'cash' }));
    const dead = () => h!.app.db.read.prepare(`SELECT id, dead_code FROM outbox WHERE topic = 'acrel.recharge' AND status = 'dead'`).get() as { id: number; dead_code: string } | undefined;
    await eventually(() => dead() !== undefined, 10_000, 'the recharge to die');
    const { id } = dead()!;
    const reported = async () => (await ho.pool.query('SELECT outbox_id, topic, code, state, resolution FROM dead_letters WHERE counter_id = $1', [counter.id])).rows;
    await eventually(async () => (await reported()).length === 1, 10_000, 'the dead letter to reach the head office');
    expect(await reported()).toEqual([{ outbox_id: String(id), topic: 'acrel.recharge', code: dead()!.dead_code, state: 'dead', resolution: null }]);

    await h.login('supervisor', '2222');
    await h.call('outbox.resolve', { id, note: 'Credit given by hand at the utility office' });
    await eventually(async () => (await reported())[0]?.state === 'resolved', 10_000, 'the resolution to reach the head office');
    expect((await reported())[0].resolution).toBe('Credit given by hand at the utility office');
  });
});
