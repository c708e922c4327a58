// vendorConfigFromEnv: the seed's variable names, defaults, and errors that name the variable but
// never show its value.
import { describe, expect, it } from 'vitest';
import { VendorConfigError, vendorConfigFromEnv } from '../../../main/vendors/config';

const sts = {
  STS_API_BASE_URL: 'https://sts.example.test/api',
  STS_API_KEY: 'key-1',
  STS_API_SECRET: 'super-secret-value',
  STS_MERCHANT_ID: 'M-1',
};

function issuesOf(env: NodeJS.ProcessEnv): string[] {
  try {
    vendorConfigFromEnv(env);
  } catch (e) {
    if (e instanceof VendorConfigError) return e.issues;
    throw e;
  }
  throw new Error('expected a VendorConfigError');
}

describe('vendorConfigFromEnv', () => {
  it('reads a section with the seed defaults (timeout 30000, 3 retries); absent sections are null', () => {
    expect(vendorConfigFromEnv(sts)).toEqual({
      sts: { baseUrl: sts.STS_API_BASE_URL, apiKey: 'key-1', apiSecret: 'super-secret-value', merchantId: 'M-1', timeoutMs: 30_000, retryAttempts: 3 },
      acrel: null,
      headOffice: null,
    });
  });

  it('reads explicit timeout and retries, and the head office without a merchant id', () => {
    const cfg = vendorConfigFromEnv({
      ACREL_API_BASE_URL: 'http://127.0.0.1:9',
      ACREL_API_KEY: 'a',
      ACREL_API_SECRET: 'b',
      ACREL_MERCHANT_ID: 'c',
      ACREL_API_TIMEOUT: '5000',
      ACREL_API_RETRY_ATTEMPTS: '0',
      HEAD_OFFICE_URL: 'https://ho.example.test',
      HEAD_OFFICE_KEY: 'counter-1',
      HEAD_OFFICE_SECRET: 'x',
    });
    expect(cfg.acrel).toMatchObject({ timeoutMs: 5_000, retryAttempts: 0 });
    expect(cfg.headOffice).toMatchObject({ merchantId: null, timeoutMs: 30_000 });
  });

  it('names every bad variable at once and never echoes a value', () => {
    const issues = issuesOf({ ...sts, STS_API_BASE_URL: 'ftp://super-secret-value', STS_API_SECRET: '', STS_API_TIMEOUT: '3.5', STS_API_RETRY_ATTEMPTS: 'many' });
    expect(issues.map((i) => i.split(' ')[0])).toEqual(['STS_API_BASE_URL', 'STS_API_SECRET', 'STS_API_TIMEOUT', 'STS_API_RETRY_ATTEMPTS']);
    expect(issues.join('\n')).not.toContain('super-secret-value');
    expect(issues.join('\n')).not.toContain('many');
  });

  it('a half-configured section is an error, not silently off', () => {
    expect(issuesOf({ ACREL_API_KEY: 'only-the-key' })).toEqual([
      'ACREL_API_BASE_URL is required',
      'ACREL_API_SECRET is required',
      'ACREL_MERCHANT_ID is required',
    ]);
  });
});
