// Commands Shahn sends to cloud meters on its own: cut supply when a credit-mode debt reaches the
// limit, restore it when a payment brings the debt back under, switch payment modes, load a tariff
// schedule. They are must-deliver, so they travel through the outbox (topic `acrel.command`) and
// are written in the same transaction as the change that causes them. One meter's commands are
// delivered strictly in order (the outbox's per-meter order key): a "reconnect" never overtakes
// the "disconnect" before it.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { enqueue } from '../../db/repos/outbox';
import { setSupply, stmt, type MeterRecord } from '../../db/repos/meters';
import { appendAudit } from '../audit/append';
import type { Delivery, TopicHandler } from '../outbox/worker';
import type { VendorOutcome } from '../vendors/outcome';

export interface WirePeriod { name?: { ar: string; en: string }; startMinute: number; endMinute: number; pricePerKwh: string }
type Keyed = { meterNumber: string; idempotencyKey: string };

/** What this feature needs from the Acrel client (names as in the vendor's seed client). */
export interface MeterCommandPort {
  disconnectMeter(i: Keyed & { reason: string }): Promise<VendorOutcome<unknown>>;
  reconnectMeter(i: Keyed): Promise<VendorOutcome<unknown>>;
  setPrepaidMode(i: Keyed): Promise<VendorOutcome<unknown>>;
  setPostpaidMode(i: Keyed): Promise<VendorOutcome<unknown>>;
  setCreditLimit(i: Keyed & { creditLimitMinor: number }): Promise<VendorOutcome<unknown>>;
  setMultiTariffSchedule(i: Keyed & { periods: WirePeriod[] }): Promise<VendorOutcome<unknown>>;
  getMultiTariffSchedule(i: { meterNumber: string }): Promise<VendorOutcome<{ periods: WirePeriod[] }>>;
}

export type MeterCommand =
  | { op: 'disconnectMeter'; reason: string }
  | { op: 'reconnectMeter' }
  | { op: 'setPrepaidMode' }
  | { op: 'setPostpaidMode' }
  | { op: 'setCreditLimit'; creditLimitMinor: number }
  | { op: 'setMultiTariffSchedule'; code: string; version: number; periods: WirePeriod[] };

export const TOPIC = 'acrel.command';
const OPS = ['disconnectMeter', 'reconnectMeter', 'setPrepaidMode', 'setPostpaidMode', 'setCreditLimit', 'setMultiTariffSchedule', 'getMultiTariffSchedule'] as const;

/** Adapts whatever Acrel client this build has: an operation it lacks is refused in words,
 * so the message lands in the dead-letter list a supervisor sees, instead of crashing. */
export function meterCommandPort(client: object | null): MeterCommandPort {
  const port = {} as Record<(typeof OPS)[number], (i: unknown) => Promise<VendorOutcome<unknown>>>;
  for (const op of OPS) {
    const fn = client && (client as Record<string, unknown>)[op];
    port[op] = typeof fn === 'function'
      ? (i) => (fn as (i: unknown) => Promise<VendorOutcome<unknown>>).call(client, i)
      : async () => ({ kind: 'refused', code: 'NOT_SUPPORTED', message: { en: `The meter cloud client cannot "${op}" in this version of Shahn.`, ar: `عميل سحابة العدادات لا يدعم "${op}" في هذا الإصدار من شحن.` } });
  }
  return port as unknown as MeterCommandPort;
}

/** Queues a command for a meter; call inside the transaction that decided it. */
export function enqueueMeterCommand(w: Database.Database, meterNumber: string, cmd: MeterCommand, at: string): number {
  // The same order key as the meter's credit recharges: the outbox delivers them in order.
  return enqueue(w, { topic: TOPIC, key: randomUUID(), payload: { meterNumber, ...cmd }, at, orderKey: `meter:${meterNumber}` });
}

/** Commands of this meter still waiting, oldest first (for the supervisor's credit screen). */
export function pendingCommands(db: Database.Database, meterNumber: string): string[] {
  return (stmt(db, `SELECT json_extract(payload_json, '$.op') AS op FROM outbox WHERE topic = ? AND status = 'pending'
      AND json_extract(payload_json, '$.meterNumber') = ? ORDER BY id`).all(TOPIC, meterNumber) as { op: string }[]).map((r) => r.op);
}

/**
 * Credit mode: cut supply when the debt reaches the limit, restore it when it drops below. Called
 * inside every transaction that changes a meter's debt, with the debt before and after.
 */
export function afterDebtChange(w: Database.Database, meter: MeterRecord, debtAfter: number, at: string, userId: number | null): void {
  if (meter.paymentMode !== 'credit' || meter.creditLimitMinor === null || meter.kind !== 'acrel') return;
  const over = debtAfter >= meter.creditLimitMinor;
  if (over && meter.supply === 'on') {
    setSupply(w, meter.id, 'off');
    enqueueMeterCommand(w, meter.number, { op: 'disconnectMeter', reason: 'credit limit reached' }, at);
    appendAudit(w, { at, userId, action: 'meter.disconnect', entity: 'meter', entityId: meter.number, details: { debtMinor: debtAfter, limitMinor: meter.creditLimitMinor } });
  } else if (!over && meter.supply === 'off') {
    setSupply(w, meter.id, 'on');
    enqueueMeterCommand(w, meter.number, { op: 'reconnectMeter' }, at);
    appendAudit(w, { at, userId, action: 'meter.reconnect', entity: 'meter', entityId: meter.number, details: { debtMinor: debtAfter, limitMinor: meter.creditLimitMinor } });
  }
}

export function meterCommandHandler(port: MeterCommandPort): TopicHandler {
  return {
    batch: 1,
    async deliver(rows) {
      const out = new Map<number, Delivery>();
      for (const row of rows) {
        const { meterNumber, ...cmd } = JSON.parse(row.payload_json) as { meterNumber: string } & MeterCommand;
        const k = { meterNumber, idempotencyKey: row.key };
        switch (cmd.op) {
          case 'disconnectMeter': out.set(row.id, await port.disconnectMeter({ ...k, reason: cmd.reason })); break;
          case 'reconnectMeter': out.set(row.id, await port.reconnectMeter(k)); break;
          case 'setPrepaidMode': out.set(row.id, await port.setPrepaidMode(k)); break;
          case 'setPostpaidMode': out.set(row.id, await port.setPostpaidMode(k)); break;
          case 'setCreditLimit': out.set(row.id, await port.setCreditLimit({ ...k, creditLimitMinor: cmd.creditLimitMinor })); break;
          case 'setMultiTariffSchedule': out.set(row.id, await port.setMultiTariffSchedule({ ...k, periods: cmd.periods })); break;
        }
      }
      return out;
    },
  };
}
