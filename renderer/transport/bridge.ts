import type { Channel, ChannelInput, ChannelOutput, ShahnBridge } from '../../preload/contract';
import { RpcFailure, isRpcError, unreachable } from './errors';

/** Electron: window.shahn from the preload. */
export function bridgeTransport(bridge: ShahnBridge) {
  return async function invokeBridge<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
    let res: Awaited<ReturnType<ShahnBridge['invoke']>>;
    try {
      res = await bridge.invoke(channel, input);
    } catch {
      throw unreachable();
    }
    if (res.ok) return res.value as ChannelOutput<C>;
    if (isRpcError(res.error)) throw new RpcFailure(res.error);
    throw unreachable();
  };
}
