// On a counter whose master data the head office owns, the channels that would change it here are
// refused before their input is read: one list, checked in one place (the dispatcher's gate), not
// in each handler. Selling, meter commands, engineering tokens, debt, shifts, printing, unlocking a
// locked-out cashier and the counter's own settings are not master data and stay open. Editing a
// user and setting their PIN stay open too: which user decides (main/users/admin.ts refuses the
// head office's users), since the users made at this counter are never touched by a pull and
// only here can they be deactivated or given a new PIN. New users come from the head office only.
import type { Channel } from '../../preload/contract';
import { err } from '../common/errors';

export const HEAD_OFFICE_OWNED: ReadonlySet<Channel> = new Set<Channel>([
  'meters.create', 'meters.update', 'meters.setPaymentMode', 'meters.setLimits',
  'customers.create', 'customers.update', 'customers.import',
  'tariffs.createVersion', 'tariffs.saveGroup', 'tariffs.assign',
  'users.create',
]);

export function masterDataGate(owner: () => 'counter' | 'head-office'): (channel: Channel) => void {
  return (channel) => {
    if (HEAD_OFFICE_OWNED.has(channel) && owner() === 'head-office') {
      throw err('FORBIDDEN', 'The head office manages this data (meters, customers, tariffs and users): change it at the head office; this counter receives it on its next sync.',
        'المكتب الرئيسي يدير هذه البيانات (العدادات والمشتركون والتعرفات والمستخدمون): عدّلها في المكتب الرئيسي، وتصل إلى نقطة البيع هذه في المزامنة التالية.');
    }
  };
}
