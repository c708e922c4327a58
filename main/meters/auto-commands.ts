// Commands Shahn sends to meters on its own: cut supply when a credit-mode debt reaches the limit,
// restore it when a payment brings the debt back under, switch payment modes, load a tariff
// schedule. They take the one path of every meter command (main/meters/commands.ts): recorded in
// meter_commands, audited, sent through the outbox in the same transaction as the change that
// causes them, one meter's commands strictly in order (a "reconnect" never overtakes the
// "disconnect" before it), relay commands polled until the meter has carried them out.
import type { ReadDb, WriteDb } from '../../db/open';
import { pendingCommandKinds } from '../../db/repos/meter-commands';
import { setSupply, type MeterRecord } from '../../db/repos/meters';
import { appendAudit } from '../audit/append';
import { queueCommand, type QueuedRequest } from './commands';

/** Queues a command for a meter; call inside the transaction that decided it. */
export function enqueueMeterCommand(w: WriteDb, meter: Pick<MeterRecord, 'number' | 'kind'>, request: QueuedRequest, at: string, userId: number, why?: string): string {
  return queueCommand(w, { meterNumber: meter.number, meterKind: meter.kind, request, userId, at, why });
}

/** Commands of this meter not yet carried out (queued, or sent and not yet confirmed), oldest first. */
export function pendingCommands(db: ReadDb, meterNumber: string): string[] {
  return pendingCommandKinds(db, meterNumber);
}

/**
 * Credit mode: cut supply when the debt reaches the limit, restore it when it drops below. Called
 * inside every transaction that changes a meter's debt, with the meter as it was and the debt after.
 */
export function afterDebtChange(w: WriteDb, meter: MeterRecord, debtAfter: number, at: string, userId: number): void {
  if (meter.paymentMode !== 'credit' || meter.creditLimitMinor === null) return;
  const over = debtAfter >= meter.creditLimitMinor;
  const details = { debtMinor: debtAfter, limitMinor: meter.creditLimitMinor };
  if (over && meter.supply === 'on') {
    setSupply(w, meter.id, 'off');
    enqueueMeterCommand(w, meter, { command: 'disconnect', reason: 'credit limit reached' }, at, userId, 'credit limit reached');
    appendAudit(w, { at, userId, action: 'meter.disconnect', entity: 'meter', entityId: meter.number, details });
  } else if (!over && meter.supply === 'off') {
    setSupply(w, meter.id, 'on');
    enqueueMeterCommand(w, meter, { command: 'reconnect' }, at, userId, 'debt back under the credit limit');
    appendAudit(w, { at, userId, action: 'meter.reconnect', entity: 'meter', entityId: meter.number, details });
  }
}
