// keys.*: the vending keys sealed on this counter (admin). A key goes in once and is never read back.
import type { Db } from '../../db/open';
import { err } from '../common/errors';
import { requireUser, type NamespaceHandlers } from '../ipc/handlers';
import { loadKey, retireKeyById } from './load';
import type { VendingKeyStore } from './store';

export function keysHandlers(d: { db: Db; keys: VendingKeyStore; now: () => Date; timeZone: string; enrolled?: () => boolean }): NamespaceHandlers<'keys'> {
  const deps = { db: d.db.write, keys: d.keys, now: d.now, timeZone: d.timeZone };
  return {
    'keys.list': () => d.keys.list(),
    'keys.put': (input, ctx) => {
      // An enrolled counter vends offline only with per-meter decoder keys leased by the head
      // office: a supply group's vending key has no business on it (a stolen counter could mint
      // tokens for the whole group with it).
      if (d.enrolled?.()) {
        throw err('CONFLICT', 'This counter is enrolled with a head office, which holds the vending keys: it sells offline under the head office\'s meter leases. No key was loaded.',
          'هذه النقطة مسجلة لدى مكتب رئيسي يحتفظ بمفاتيح الشحن: تبيع دون اتصال بموجب حجوزات العدادات من المكتب الرئيسي. لم يُحمّل أي مفتاح.');
      }
      return loadKey(deps, requireUser(ctx), input);
    },
    'keys.retire': ({ id }, ctx) => retireKeyById(deps, requireUser(ctx), id),
  };
}
