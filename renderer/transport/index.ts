// The one way the renderer talks to main: window.shahn in Electron, HTTP in the browser host.
import type { Channel, ChannelInput, ChannelOutput, ShahnBridge } from '../../preload/contract';
import { useSession } from '../stores/session';
import { bridgeTransport } from './bridge';
import { RpcFailure } from './errors';
import { httpTransport } from './http';

export { RpcFailure, toFailure } from './errors';

declare global {
  interface Window {
    shahn?: ShahnBridge;
  }
}

type Invoke = <C extends Channel>(channel: C, input: ChannelInput<C>) => Promise<ChannelOutput<C>>;

const transport: Invoke = window.shahn ? bridgeTransport(window.shahn) : httpTransport(() => useSession.getState().token);

const CREDENTIAL_CHANNELS = new Set<Channel>(['auth.login']);

export const transportKind: 'bridge' | 'http' = window.shahn ? 'bridge' : 'http';

/** Typed call of one contract channel. Throws RpcFailure. */
export async function invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  try {
    return await transport(channel, input);
  } catch (e) {
    // A session that main no longer knows (restart, expiry) sends the cashier back to login.
    if (e instanceof RpcFailure && e.code === 'UNAUTHENTICATED' && !CREDENTIAL_CHANNELS.has(channel)) {
      useSession.getState().expire(e.error.message);
    }
    throw e;
  }
}
