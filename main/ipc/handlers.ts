// One typed handler per contract channel. Handlers receive already-validated input; they call
// into services and return exactly the contract's output type.
import type { z } from 'zod';
import type { Channel, ChannelOutput, Contract } from '../../preload/contract';
import type { CallContext } from './dispatch';

export type Handlers = {
  [C in Channel]: (input: z.output<Contract[C]['input']>, ctx: CallContext) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
};
