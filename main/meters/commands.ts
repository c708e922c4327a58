// A supervisor's command to a meter: recorded, audited and queued in ONE transaction, so it is
// never lost and never sent twice (its client-generated id is the vendor's Idempotency-Key). The
// outbox delivers it (topic per command, per-meter order) and then polls its status until the
// meter has carried it out or refused it (deliveries.ts).
import { randomUUID } from 'node:crypto';
import type { User } from '../../preload/contract';
import type { MeterCommand, MeterCommandInput } from '../../preload/contract';
import { commandsOf, getCommand, insertCommand, pollNow } from '../../db/repos/meter-commands';
import { enqueue } from '../../db/repos/outbox';
import type { Db, WriteDb } from '../../db/open';
import { appendAudit } from '../audit/append';
import { err } from '../common/errors';
import type { CommandRequest, SchedulePeriod } from '../vendors/meter-wire';
import { knownMeter } from './reads';

export const COMMAND_TOPIC_PREFIX = 'metercmd.';
export const POLL_TOPIC = 'metercmd.poll';

/** Commands Shahn sends on its own (payment mode, credit limit, tariff schedule). The cloud
 * applies them at once, so they are done as soon as it accepts them (no status poll). */
export type SystemRequest =
  | { command: 'set_prepaid_mode' }
  | { command: 'set_postpaid_mode' }
  /** STS clouds hold the limit in 0.1 kWh (creditLimitTenths), Acrel in money. */
  | { command: 'set_credit_limit'; creditLimitMinor: number; creditLimitTenths: number | null }
  | { command: 'set_tariff_schedule'; code: string; version: number; periods: SchedulePeriod[] };
export type QueuedRequest = CommandRequest | SystemRequest;

export interface CommandPayload {
  commandId: string;
  meterNumber: string;
  meterKind: 'sts' | 'acrel';
  request: QueuedRequest;
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
  w.transaction(() => queueCommand(w, { id, meterNumber, meterKind, request: toWire(i.command), userId: user.id, at }))();
  d.kick();
  return getCommand(d.db.read, id)!;
}

/**
 * The one path of every meter command, a supervisor's or Shahn's own: recorded in meter_commands,
 * audited and queued in the outbox under the meter's order key. Call inside the deciding transaction.
 */
export function queueCommand(w: WriteDb, c: { id?: string; meterNumber: string; meterKind: 'sts' | 'acrel'; request: QueuedRequest; userId: number; at: string; why?: string }): string {
  const id = c.id ?? randomUUID();
  const { command: kind, ...params } = c.request;
  insertCommand(w, { id, meterNumber: c.meterNumber, meterKind: c.meterKind, command: { kind, ...params }, userId: c.userId, at: c.at });
  const payload: CommandPayload = { commandId: id, meterNumber: c.meterNumber, meterKind: c.meterKind, request: c.request };
  enqueue(w, { topic: COMMAND_TOPIC_PREFIX + kind, key: id, payload, at: c.at, orderKey: `meter:${c.meterNumber}` });
  const shown = kind === 'set_tariff_schedule' ? { code: (params as { code: string }).code, version: (params as { version: number }).version } : params;
  appendAudit(w, { at: c.at, userId: c.userId, action: 'meter.command.requested', entity: 'meter', entityId: c.meterNumber, details: { commandId: id, kind, ...shown, ...(c.why ? { why: c.why } : {}) } });
  return id;
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
