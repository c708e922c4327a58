// Once a user exists every setup channel but setup.status is refused, before its input is even
// read: nobody makes a second "first admin", or changes the counter's currency, by a crafted call.
import type { ReadDb } from '../../db/open';
import type { Channel } from '../../preload/contract';
import { assertSetupOpen } from './progress';

export function setupGate(db: ReadDb): (channel: Channel) => void {
  return (channel) => {
    if (channel.startsWith('setup.') && channel !== 'setup.status') assertSetupOpen(db);
  };
}
