// Handlers of the meter-management channels (preload/contract-meters.ts), and the service they
// share: direct reads, outbox-backed commands, maintenance codes.
import type { User } from '../../preload/contract';
import type { meterChannels } from '../../preload/contract-meters';
import type { Db } from '../../db/open';
import type { CallContext } from '../ipc/dispatch';
import type { Handlers } from '../ipc/handlers';
import { err } from '../common/errors';
import { commandStatus, listCommands, requestCommand } from './commands';
import { maintenanceCode } from './maintenance';
import { printMaintenanceCode } from './maintenance-print';
import type { AppConfig } from '../app/config';
import { meterReads } from './reads';
import type { MeterVendors } from './vendors';

export type MeterHandlers = Pick<Handlers, keyof typeof meterChannels>;

export interface MeterServiceDeps {
  db: Db;
  vendors: MeterVendors;
  now: () => Date;
  /** Wakes the outbox worker (a command was queued, or someone is watching one). */
  kick: () => void;
  /** Printer settings, counter name and time zone for the engineering-token slip. */
  config: AppConfig;
}

function userOf(ctx: CallContext): User {
  if (!ctx.session) throw err('UNAUTHENTICATED', 'Please log in again.', 'يرجى تسجيل الدخول مرة أخرى.');
  return ctx.session.user;
}

export function meterHandlers(d: MeterServiceDeps): MeterHandlers {
  const reads = meterReads(d);
  return {
    'meters.status': (i) => reads.status(i),
    'meters.reading': (i) => reads.reading(i),
    'meters.readings': (i) => reads.readings(i),
    'meters.balance': (i) => reads.balance(i),
    'meters.command': (i, ctx) => requestCommand(d, userOf(ctx), i),
    'meters.commandStatus': ({ commandId }) => commandStatus(d, commandId),
    'meters.commands': ({ meterNumber, limit }) => listCommands(d, meterNumber, limit),
    'meters.maintenanceCode': (i, ctx) => maintenanceCode(d, userOf(ctx), i),
    'meters.printMaintenanceCode': (i, ctx) => printMaintenanceCode(d, userOf(ctx), i),
  };
}
