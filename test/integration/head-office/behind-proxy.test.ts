// The head office behind a TLS-terminating proxy (HEAD_OFFICE_TRUST_PROXY): the console's cookie
// is Secure when the proxy says the browser came over HTTPS, and the sign-in limit counts each
// client's address, not the proxy's. Without it, forwarded headers are not believed (anyone could
// send them); HEAD_OFFICE_SECURE_COOKIES=1 makes the cookie Secure whatever the request says.
import { afterEach, describe, expect, it } from 'vitest';
import { CSRF_HEADER } from '../../../head-office/console/wire';
import { addConsoleUser, TEST_PASSWORD } from '../../helpers/console';
import { startTestHeadOffice, type TestHeadOffice } from '../../helpers/head-office';
import { usePostgres } from '../../helpers/postgres';

const postgres = usePostgres();
const started: TestHeadOffice[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((h) => h.close()));
});

async function headOffice(opts: Parameters<typeof startTestHeadOffice>[1]): Promise<TestHeadOffice> {
  const ho = await startTestHeadOffice(await postgres.freshDatabase(), { ...opts, console: { signInLimit: { max: 2, windowMs: 60_000 } } });
  started.push(ho);
  await addConsoleUser(ho.pool, 'amal', 'admin');
  return ho;
}

/** A sign-in as a proxy forwards it: the browser's address and scheme in X-Forwarded-* headers. */
async function signIn(ho: TestHeadOffice, forwarded: { for?: string; proto?: string }, password = TEST_PASSWORD) {
  const headers: Record<string, string> = { 'content-type': 'application/json', [CSRF_HEADER]: '1' };
  if (forwarded.for) headers['x-forwarded-for'] = forwarded.for;
  if (forwarded.proto) headers['x-forwarded-proto'] = forwarded.proto;
  const res = await fetch(`${ho.url}/console/api/session`, { method: 'POST', headers, body: JSON.stringify({ username: 'amal', password }) });
  await res.text();
  return { status: res.status, cookie: res.headers.getSetCookie().find((c) => c.startsWith('shahn_console=')) ?? null };
}
const secure = (cookie: string | null) => cookie !== null && /;\s*Secure/i.test(cookie);

describe('behind a TLS-terminating proxy', () => {
  it('with the proxy trusted: the cookie is Secure over forwarded HTTPS, and each client has its own sign-in limit', async () => {
    const ho = await headOffice({ trustProxy: ['127.0.0.1'] });
    const https = await signIn(ho, { for: '203.0.113.7', proto: 'https' });
    expect(https.status).toBe(200);
    expect(secure(https.cookie)).toBe(true);
    // Plain HTTP straight to the service (no proxy in between): not Secure, or the browser would drop it.
    const plain = await signIn(ho, { for: '203.0.113.8' });
    expect(plain.status).toBe(200);
    expect(secure(plain.cookie)).toBe(false);
    // 203.0.113.7 uses its second attempt, then is limited; 203.0.113.9 behind the same proxy still has its own.
    expect((await signIn(ho, { for: '203.0.113.7', proto: 'https' }, 'wrong password')).status).toBe(401);
    expect((await signIn(ho, { for: '203.0.113.7', proto: 'https' })).status).toBe(429);
    expect((await signIn(ho, { for: '203.0.113.9', proto: 'https' })).status).toBe(200);
  });

  it('a hop count trusts the nearest proxies only', async () => {
    const ho = await headOffice({ trustProxy: 1 });
    expect(secure((await signIn(ho, { for: '203.0.113.7', proto: 'https' })).cookie)).toBe(true);
    await signIn(ho, { for: '203.0.113.7', proto: 'https' });
    expect((await signIn(ho, { for: '203.0.113.7', proto: 'https' })).status).toBe(429);
    expect((await signIn(ho, { for: '203.0.113.9', proto: 'https' })).status).toBe(200);
  });

  it('without it, forwarded headers are not believed: no Secure from a header anyone can send, one limit for everyone at that address', async () => {
    const ho = await headOffice({});
    expect(secure((await signIn(ho, { for: '203.0.113.7', proto: 'https' })).cookie)).toBe(false);
    await signIn(ho, { for: '203.0.113.8', proto: 'https' });
    expect((await signIn(ho, { for: '203.0.113.9', proto: 'https' })).status).toBe(429);
  });

  it('HEAD_OFFICE_SECURE_COOKIES=1: Secure whatever the request says', async () => {
    const ho = await headOffice({ secureCookies: true });
    expect(secure((await signIn(ho, {})).cookie)).toBe(true);
  });
});
