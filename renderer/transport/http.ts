import type { Channel, ChannelInput, ChannelOutput } from '../../preload/contract';
import { RpcFailure, badResponse, isRpcError, unreachable } from './errors';

/** Browser host: POST /rpc/<channel> on the same origin, bearer token from memory. */
export function httpTransport(getToken: () => string | null) {
  return async function invokeHttp<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
    const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
    const token = getToken();
    if (token) headers.Authorization = `Bearer ${token}`;
    let res: Response;
    try {
      res = await fetch(`/rpc/${channel}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(input ?? {}),
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch {
      throw unreachable();
    }
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      throw badResponse(res.status);
    }
    if (res.ok) return body as ChannelOutput<C>;
    const err = (body as { error?: unknown } | null)?.error;
    if (isRpcError(err)) throw new RpcFailure(err);
    throw badResponse(res.status);
  };
}
