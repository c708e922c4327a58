// Issue 12, item 1: a setting that would let a sale be failed while the vendor may still accept
// its request is refused at start-up, naming both values.
import { describe, expect, it } from 'vitest';
import { configFromEnv } from '../../../main/app/config';

describe('the vendor acceptance window', () => {
  it('defaults to the protocol tolerance (5 min) plus a minute for a lagging clock', () => {
    const c = configFromEnv({ SHAHN_DATA_DIR: '/nonexistent-not-created' });
    expect(c.vendorTimestampToleranceMs).toBe(300_000);
    expect(c.vendorAcceptWindowMs).toBe(360_000);
  });

  it('is refused when shorter than the tolerance, with both values named', () => {
    const env = { SHAHN_DATA_DIR: '/nonexistent-not-created', SHAHN_VENDOR_ACCEPT_WINDOW_MS: '120000', SHAHN_VENDOR_TIMESTAMP_TOLERANCE_MS: '300000' };
    expect(() => configFromEnv(env)).toThrow(/SHAHN_VENDOR_ACCEPT_WINDOW_MS, 120000 ms.*SHAHN_VENDOR_TIMESTAMP_TOLERANCE_MS, 300000 ms/);
    expect(configFromEnv({ ...env, SHAHN_VENDOR_ACCEPT_WINDOW_MS: '300000' }).vendorAcceptWindowMs).toBe(300_000);
  });
});
