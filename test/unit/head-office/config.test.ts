// The head office's configuration from the environment: defaults, and every bad variable named
// at once without its value (DATABASE_URL carries a password, the sealing key is a key).
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { headOfficeConfigFromEnv, HeadOfficeConfigError } from '../../../head-office/config';

const KEY = randomBytes(32).toString('base64');

function issuesOf(env: NodeJS.ProcessEnv): string[] {
  try {
    headOfficeConfigFromEnv(env);
  } catch (err) {
    expect(err).toBeInstanceOf(HeadOfficeConfigError);
    return (err as HeadOfficeConfigError).issues;
  }
  throw new Error('expected a configuration error');
}

describe('head-office configuration', () => {
  it('defaults to 127.0.0.1:7310, info logs and a throwaway database', () => {
    expect(headOfficeConfigFromEnv({})).toEqual({ databaseUrl: null, host: '127.0.0.1', port: 7310, logLevel: 'info', sealingKey: null, poolSize: 20, leaseMs: 72 * 3_600_000, timeZone: 'UTC', currency: { code: 'YER', decimals: 0 }, trustProxy: false, secureCookies: false });
  });

  it('reads every variable', () => {
    const cfg = headOfficeConfigFromEnv({
      DATABASE_URL: 'postgresql://ho:pw@db.example:5432/head_office', HEAD_OFFICE_SEALING_KEY: KEY,
      HEAD_OFFICE_HOST: '0.0.0.0', HEAD_OFFICE_PORT: '8443', HEAD_OFFICE_LOG_LEVEL: 'warn', HEAD_OFFICE_DB_POOL_SIZE: '40', HEAD_OFFICE_LEASE_HOURS: '96', HEAD_OFFICE_TIME_ZONE: 'Africa/Tripoli',
      HEAD_OFFICE_CURRENCY: 'SAR', HEAD_OFFICE_CURRENCY_DECIMALS: '2', HEAD_OFFICE_TRUST_PROXY: '10.0.0.5, 192.168.1.0/24,::1', HEAD_OFFICE_SECURE_COOKIES: '1',
    });
    expect(cfg).toEqual({
      databaseUrl: 'postgresql://ho:pw@db.example:5432/head_office', host: '0.0.0.0', port: 8443, logLevel: 'warn', sealingKey: Buffer.from(KEY, 'base64'), poolSize: 40, leaseMs: 96 * 3_600_000, timeZone: 'Africa/Tripoli', currency: { code: 'SAR', decimals: 2 },
      trustProxy: ['10.0.0.5', '192.168.1.0/24', '::1'], secureCookies: true,
    });
  });

  it('names every bad variable at once, never its value', () => {
    const env = {
      DATABASE_URL: 'mysql://root:hunter2@db/x', HEAD_OFFICE_SEALING_KEY: 'c2VjcmV0LWtleQ==', HEAD_OFFICE_PORT: '99999',
      HEAD_OFFICE_HOST: 'bad host!', HEAD_OFFICE_LOG_LEVEL: 'loud', HEAD_OFFICE_DB_POOL_SIZE: '0', HEAD_OFFICE_LEASE_HOURS: '0', HEAD_OFFICE_TIME_ZONE: 'UTC+3',
      HEAD_OFFICE_CURRENCY: 'riyal', HEAD_OFFICE_CURRENCY_DECIMALS: '4', HEAD_OFFICE_TRUST_PROXY: 'proxy.internal', HEAD_OFFICE_SECURE_COOKIES: 'yes',
    };
    const issues = issuesOf(env);
    expect(issues.map((i) => i.split(' ')[0]).sort()).toEqual(
      ['DATABASE_URL', 'HEAD_OFFICE_CURRENCY', 'HEAD_OFFICE_CURRENCY_DECIMALS', 'HEAD_OFFICE_DB_POOL_SIZE', 'HEAD_OFFICE_HOST', 'HEAD_OFFICE_LEASE_HOURS', 'HEAD_OFFICE_LOG_LEVEL', 'HEAD_OFFICE_PORT', 'HEAD_OFFICE_SEALING_KEY', 'HEAD_OFFICE_SECURE_COOKIES', 'HEAD_OFFICE_TIME_ZONE', 'HEAD_OFFICE_TRUST_PROXY'],
    );
    expect(issues.find((i) => i.startsWith('HEAD_OFFICE_LEASE_HOURS'))).toBe('HEAD_OFFICE_LEASE_HOURS must be a whole number of hours from 1 to 744');
    const text = issues.join('\n');
    for (const v of ['hunter2', 'mysql://', 'c2VjcmV0LWtleQ==', '99999', 'bad host!', 'loud', 'riyal', 'UTC+3', 'proxy.internal']) expect(text).not.toContain(v);
  });

  it('requires the sealing key with a real database', () => {
    expect(issuesOf({ DATABASE_URL: 'postgres://ho@localhost/ho' })).toEqual([expect.stringMatching(/^HEAD_OFFICE_SEALING_KEY is required with DATABASE_URL/)]);
  });

  it('takes a blank variable as unset', () => {
    expect(headOfficeConfigFromEnv({ DATABASE_URL: '  ', HEAD_OFFICE_PORT: '' }).port).toBe(7310);
  });

  it('HEAD_OFFICE_TRUST_PROXY: off by default, a hop count, or proxy addresses and CIDR ranges; anything else named', () => {
    const trust = (v: string) => headOfficeConfigFromEnv({ HEAD_OFFICE_TRUST_PROXY: v }).trustProxy;
    expect(trust('off')).toBe(false);
    expect(trust('0')).toBe(false);
    expect(trust('2')).toBe(2);
    expect(trust('10.0.0.0/8')).toEqual(['10.0.0.0/8']);
    expect(trust('fd00::/8,127.0.0.1')).toEqual(['fd00::/8', '127.0.0.1']);
    for (const bad of ['11', '10.0.0.0/33', '::1/129', '10.0.0.1,', 'on', '10.0.0.0/8/1', '999.1.1.1']) {
      expect(issuesOf({ HEAD_OFFICE_TRUST_PROXY: bad }), bad).toEqual([expect.stringMatching(/^HEAD_OFFICE_TRUST_PROXY must be off \(the default\), a number of proxy hops from 1 to 10, or a comma-separated list/)]);
    }
    expect(issuesOf({ HEAD_OFFICE_SECURE_COOKIES: 'true' })).toEqual(['HEAD_OFFICE_SECURE_COOKIES must be 1 (the console cookie is always Secure) or 0']);
  });
});
