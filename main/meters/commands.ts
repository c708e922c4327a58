// A supervisor's command to a meter: recorded, audited and queued in ONE transaction, so it is
// never lost and never sent twice (its client-generated id is the vendor's Idempotency-Key). The
// outbox delivers it (topic per command, per-meter order) and then polls its status until the
// meter has carried it out or refused it (deliveries.ts).
import { randomUUID } from 'node:crypto';
import type { User } from '../../preload/contract';
import type { MeterCommand, MeterCommandInput } from '../../preload/contract-meters';
import { commandsOf, getCommand, insertCommand, pollNow } from '../../db/repos/meter-commands';
import { enqueue } from '../../db/repos/outbox';
import type { Db } from '../../db/open';
import { appendAudit } from '../audit/append';
import { err } from '../errors';
import type { CommandRequest } from '../vendors/meter-wire';
import { knownMeter } from './reads';

export const COMMAND_TOPIC_PREFIX = 'metercmd.';
export const POLL_TOPIC = 'metercmd.poll';

export interface CommandPayload {
  commandId: string;
  meterNumber: string;
  meterKind: 'sts' | 'acrel';
  request: CommandRequest;
}

export interface CommandDeps {
  db: Db;
  now: () => Date;
  kick: () => void;
}

function toWire(c: MeterCommandInput): CommandRequest {
  if (c.kind === 'disconnect') return { command: 'disconnect', reason: c.reason };
  if (c.kind === 'reduce_amperage' || c.kind === 'increase_amperage') return { command: c.kind, limitA: c.limitA };
  return { command: c.kind };
}

export function requestCommand(d: CommandDeps, user: User, i: { meterNumber: string; commandId?: string; command: MeterCommandInput }): MeterCommand {
  const meterNumber = i.meterNumber.replace(/[\s-]/g, '');
  const id = i.commandId ?? randomUUID();
  const existing = getCommand(d.db.read, id);
  if (existing) {
    // The same request again (a double click, a retry after a lost answer): the same command.
    if (existing.meterNumber !== meterNumber || existing.kind !== i.command.kind) {
      throw err('CONFLICT', 'This command id was already used for another command.', 'رقم الأمر هذا استُخدم لأمر آخر.');
    }
    return existing;
  }
  const meterKind = knownMeter(d.db, meterNumber);
  if (meterKind === 'acrel' && (i.command.kind === 'reduce_amperage' || i.command.kind === 'increase_amperage')) {
    throw err('BAD_INPUT', `Meter ${meterNumber} (Acrel) has no remote amperage limit.`, `العداد ${meterNumber} (Acrel) لا يدعم تغيير حد التيار عن بعد.`);
  }
  const at = d.now().toISOString();
  const w = d.db.write;
  w.transaction(() => {
    insertCommand(w, { id, meterNumber, meterKind, command: i.command, userId: user.id, at });
    const payload: CommandPayload = { commandId: id, meterNumber, meterKind, request: toWire(i.command) };
    enqueue(w, { topic: COMMAND_TOPIC_PREFIX + i.command.kind, key: id, payload, at, orderKey: `meter:${meterNumber}` });
    appendAudit(w, { at, userId: user.id, action: 'meter.command.requested', entity: 'meter', entityId: meterNumber, details: { commandId: id, ...i.command } });
  })();
  d.kick();
  return getCommand(d.db.read, id)!;
}

export function commandStatus(d: CommandDeps, commandId: string): MeterCommand {
  const c = getCommand(d.db.read, commandId);
  if (!c) throw err('NOT_FOUND', 'No such meter command.', 'لا يوجد أمر عداد بهذا الرقم.');
  // Someone is watching: let the worker look now rather than at the next backoff.
  if (c.status === 'sent') pollNow(d.db.write, commandId, d.now().toISOString());
  if (c.status === 'pending' || c.status === 'sent') d.kick();
  return c;
}

export function listCommands(d: CommandDeps, meterNumber: string, limit: number): MeterCommand[] {
  return commandsOf(d.db.read, meterNumber.replace(/[\s-]/g, ''), limit);
}
