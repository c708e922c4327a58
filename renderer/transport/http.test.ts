import { afterEach, describe, expect, it, vi } from 'vitest';
import { httpTransport } from './http';
import { bridgeTransport } from './bridge';
import { RpcFailure } from './errors';
import type { ShahnBridge } from '../../preload/contract';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

afterEach(() => vi.unstubAllGlobals());

async function failure(p: Promise<unknown>): Promise<RpcFailure> {
  try {
    await p;
  } catch (e) {
    if (e instanceof RpcFailure) return e;
    throw e;
  }
  throw new Error('expected a failure');
}

describe('HTTP transport', () => {
  it('POSTs the input to /rpc/<channel> with the bearer token and returns the output', async () => {
    const fetchMock = vi.fn(async () => json(200, [{ number: '1' }]));
    vi.stubGlobal('fetch', fetchMock);
    const out = await httpTransport(() => 'tok')('meters.lookup', { query: '1' });
    expect(out).toEqual([{ number: '1' }]);
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/rpc/meters.lookup');
    expect(init.method).toBe('POST');
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer tok');
    expect(JSON.parse(init.body as string)).toEqual({ query: '1' });
  });
  it('sends no Authorization header before login', async () => {
    const fetchMock = vi.fn(async () => json(200, {}));
    vi.stubGlobal('fetch', fetchMock);
    await httpTransport(() => null)('app.info', {});
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect((init.headers as Record<string, string>).Authorization).toBeUndefined();
  });
  it('throws the RpcError of a non-2xx answer', async () => {
    const error = { code: 'LOCKED_OUT', message: { ar: 'مقفل', en: 'Locked' } };
    vi.stubGlobal('fetch', async () => json(423, { error }));
    const f = await failure(httpTransport(() => null)('auth.login', { username: 'a', pin: '1234' }));
    expect(f.error).toEqual(error);
    expect(f.transport).toBe(false);
  });
  it('turns a network failure into a bilingual INTERNAL error marked as transport', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    const f = await failure(httpTransport(() => null)('sync.status', {}));
    expect(f.code).toBe('INTERNAL');
    expect(f.transport).toBe(true);
    expect(f.error.message.en).toMatch(/cannot reach the shahn service/i);
    expect(f.error.message.ar.length).toBeGreaterThan(0);
  });
  it('survives a non-JSON error page', async () => {
    vi.stubGlobal('fetch', async () => new Response('<html>Bad gateway</html>', { status: 502 }));
    const f = await failure(httpTransport(() => null)('sync.status', {}));
    expect(f.code).toBe('INTERNAL');
    expect(f.error.message.en).toMatch(/502/);
  });
});

describe('Electron bridge transport', () => {
  it('unwraps ok results and throws RpcFailure for errors', async () => {
    const error = { code: 'NOT_FOUND' as const, message: { ar: 'غير موجود', en: 'Not found' } };
    const bridge = {
      invoke: vi.fn(async (channel: string) => (channel === 'sync.status' ? { ok: true, value: { online: true } } : { ok: false, error })),
    } as unknown as ShahnBridge;
    const invoke = bridgeTransport(bridge);
    expect(await invoke('sync.status', {})).toEqual({ online: true });
    expect((await failure(invoke('sales.get', { id: 'x' }))).error).toEqual(error);
  });
  it('treats a rejected IPC call as unreachable', async () => {
    const bridge = { invoke: vi.fn(async () => Promise.reject(new Error('ipc gone'))) } as unknown as ShahnBridge;
    const f = await failure(bridgeTransport(bridge)('sync.status', {}));
    expect(f.transport).toBe(true);
  });
});
