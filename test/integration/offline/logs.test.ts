// The log file: one JSON line per event, sale events carry the sale id, and no secret ever gets
// in — not the vending key, a decoder key, an API secret, a PIN or an STS token — even after
// vendor sales, local sales, a refusal and logins.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_ACREL_METERS, DEMO_CREDENTIALS, DEMO_STS_KEYS, DEMO_STS_METERS } from '../../sim/demo-data';
import { DEMO_USERS } from '../../../scripts/seed-demo';
import { startHarness } from '../../helpers/harness';

describe('logs', () => {
  it('vend online and offline, then scan the log file for every secret', async () => {
    const h = await startHarness({ env: { SHAHN_LOG_LEVEL: 'debug', STS_API_RETRY_ATTEMPTS: '0' } });
    const sts = DEMO_STS_METERS[2]!.number;
    const tokens: string[] = [];
    try {
      await h.login();
      const sell = async (m: string) => h.call('sales.sell', await h.confirmed({ meterNumber: m, amountMinor: 1500, tenderedMinor: 1500, paymentMethod: 'cash' }));
      tokens.push((await sell(DEMO_STS_METERS[0]!.number)).token!);
      await sell(DEMO_ACREL_METERS[0]!.number);
      await h.sims.sts.setFaults({ offline: true });
      const local = await sell(sts);
      expect(local.tokenSource).toBe('local');
      tokens.push(local.token!);
      await h.raw('auth.login', { username: 'cashier', pin: '9876' }); // a wrong PIN
      await h.login('supervisor', '2222');
      await h.call('backup.now', {});
    } finally {
      await h.close();
    }
    const dir = path.join(h.dataDir, 'logs');
    const text = fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('');
    const lines = text.trim().split('\n');
    expect(lines.length).toBeGreaterThan(5);
    for (const l of lines) expect(() => JSON.parse(l)).not.toThrow(); // one event per line

    const secrets = [
      DEMO_STS_KEYS.vendingKey,
      ...DEMO_STS_METERS.map((m) => h.sims.sts.meters.decoderKey(m.number)),
      DEMO_CREDENTIALS.sts.apiSecret, DEMO_CREDENTIALS.acrel.apiSecret, DEMO_CREDENTIALS.headOffice.apiSecret,
      ...tokens,
    ];
    for (const s of secrets) expect(text.toLowerCase()).not.toContain(s.toLowerCase());
    const master = fs.readFileSync(path.join(h.dataDir, 'keys', 'master.key'));
    expect(text).not.toContain(master.toString('hex'));
    expect(text).not.toContain(master.toString('base64'));
    for (const u of [...DEMO_USERS.map((x) => x.pin), '9876']) expect(text).not.toMatch(new RegExp(`[":= ]${u}["\\s,}]`));
    expect(text).not.toMatch(/\b\d{20}\b/); // no STS token of anyone

    const saleEvents = lines.map((l) => JSON.parse(l) as { msg: string; saleId?: string }).filter((e) => /^sale |token|vend/.test(e.msg));
    expect(saleEvents.length).toBeGreaterThan(2);
    for (const e of saleEvents) expect(e.saleId, e.msg).toMatch(/^[0-9a-f-]{36}$/);
  });
});
