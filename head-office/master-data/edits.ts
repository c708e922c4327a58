// Writing master data at the head office: every edit (one from the console, or a whole import) is
// checked against the records as they stand under the version lock, together with the other edits
// of the same batch, and written all or nothing. The rules are the counters' own: a meter names a
// schedule, group and customer that exist; a schedule version never changes once written (a new
// price is a new version); nothing still referenced is deleted; a user's PIN is hashed here with
// the counter's own hashing and only the hash is kept; a user belongs to a counter not revoked.
import type pg from 'pg';
import { z } from 'zod';
import { hashPin } from '../../main/auth/pin';
import { weakPinReason } from '../../main/auth/pin-rule';
import { masterScheduleProblems, scheduleKey, userKey } from '../../main/master-data/schedule';
import { meterNumberProblem } from '../../main/meters/rules';
import {
  MASTER_DATA_SCHEMAS, MasterCustomerSchema, MasterGroupSchema, MasterMeterSchema, MasterScheduleSchema, MasterUserSchema,
  type MasterCustomer, type MasterEntity, type MasterGroup, type MasterMeter, type MasterSchedule, type MasterUser,
} from '../../main/vendors/head-office/master-data-wire';
import { locale, pin, ROLES } from '../../preload/contract/shared';
import {
  counterRevokedAt, liveScheduleVersions, masterRecord, masterReferrers, withMasterLock, writeMasterRows,
  type MasterRow, type MasterTx, type MasterWrite,
} from '../db/master-data';

/** A refusal with the status and code the route answers with, in both languages. */
export class MasterDataRefusal extends Error {
  constructor(readonly status: number, readonly code: string, readonly en: string, readonly ar: string) {
    super(`${code}: ${en}`);
  }
}
const refusal = (status: number, code: string, en: string, ar: string) => new MasterDataRefusal(status, code, en, ar);

/** A user as the head office edits it: the clear PIN arrives here once and leaves only as a hash. */
export const UserInputSchema = z.object({
  counterId: z.number().int().positive(),
  username: MasterUserSchema.shape.username,
  displayName: MasterUserSchema.shape.displayName,
  role: z.enum(ROLES),
  locale: locale.default('ar'),
  active: z.boolean().default(true),
  /** Required for a new user; absent keeps the PIN the user has. */
  pin: pin.optional(),
}).strict();
export type UserInput = z.infer<typeof UserInputSchema>;

export type MasterEdit =
  | { entity: 'tariff_schedule'; data: MasterSchedule }
  | { entity: 'tariff_group'; data: MasterGroup }
  | { entity: 'customer'; data: MasterCustomer }
  | { entity: 'meter'; data: MasterMeter }
  | { entity: 'user'; data: UserInput }
  | { entity: MasterEntity; key: string; delete: true };

/** The input schema of each entity's upsert (users: with a clear PIN instead of its hash). */
export const EDIT_SCHEMAS = {
  tariff_schedule: MasterScheduleSchema,
  tariff_group: MasterGroupSchema,
  customer: MasterCustomerSchema,
  meter: MasterMeterSchema,
  user: UserInputSchema,
} as const;

export function keyOfEdit(e: MasterEdit): string {
  if ('delete' in e) return e.key;
  switch (e.entity) {
    case 'tariff_schedule': return scheduleKey(e.data);
    case 'tariff_group': return e.data.code;
    case 'customer': return e.data.key;
    case 'meter': return e.data.number;
    case 'user': return userKey(e.data.username, e.data.counterId);
  }
}

const ENTITY_NAME: Record<MasterEntity, { en: string; ar: string }> = {
  tariff_schedule: { en: 'tariff schedule version', ar: 'إصدار جدول التعرفة' },
  tariff_group: { en: 'tariff group', ar: 'مجموعة التعرفة' },
  customer: { en: 'customer', ar: 'المشترك' },
  meter: { en: 'meter', ar: 'العداد' },
  user: { en: 'user', ar: 'المستخدم' },
};

/**
 * The records as they will stand once the batch is written: a batch's own edits first, then the
 * database (read under the version lock, so nothing changes between the check and the write).
 */
class BatchView {
  private readonly pending = new Map<string, unknown>();
  constructor(readonly tx: MasterTx) {}
  private static id = (entity: MasterEntity, key: string) => `${entity}\u0000${key}`;
  set(entity: MasterEntity, key: string, data: unknown) {
    this.pending.set(BatchView.id(entity, key), data);
  }
  /** The record's data, null when deleted or never written. */
  async get(entity: MasterEntity, key: string): Promise<unknown> {
    const id = BatchView.id(entity, key);
    if (this.pending.has(id)) return this.pending.get(id);
    return (await masterRecord(this.tx, entity, key))?.data ?? null;
  }
  async stored(entity: MasterEntity, key: string): Promise<MasterRow | undefined> {
    return masterRecord(this.tx, entity, key);
  }
  /** Live records of `entity` whose `field` is `value` once the batch is written (at most a few). */
  async referrers(entity: MasterEntity, field: string, value: string): Promise<string[]> {
    const out = new Set<string>();
    for (const key of await masterReferrers(this.tx, entity, field, value, 20)) {
      const now = await this.get(entity, key);
      if (now !== null && (now as Record<string, unknown>)[field] === value) out.add(key);
    }
    for (const [id, data] of this.pending) {
      const [e, key] = id.split('\u0000') as [MasterEntity, string];
      if (e === entity && data !== null && (data as Record<string, unknown>)[field] === value) out.add(key);
      else if (e === entity) out.delete(key);
    }
    return [...out].sort();
  }
  async scheduleLive(code: string): Promise<boolean> {
    for (const key of await liveScheduleVersions(this.tx, code)) if ((await this.get('tariff_schedule', key)) !== null) return true;
    for (const [id, data] of this.pending) {
      if (id.startsWith('tariff_schedule\u0000') && data !== null && (data as MasterSchedule).code === code) return true;
    }
    return false;
  }
}

async function checkUpsert(v: BatchView, e: Exclude<MasterEdit, { delete: true }>, key: string): Promise<{ data: unknown; counterId: number | null }> {
  switch (e.entity) {
    case 'tariff_schedule': {
      const problems = masterScheduleProblems(e.data);
      if (problems.length) {
        throw refusal(422, 'BAD_SCHEDULE', `Schedule ${key} was not saved: ${problems.map((p) => p.en).join(' ')}`, `لم يُحفظ الجدول ${key}: ${problems.map((p) => p.ar).join(' ')}`);
      }
      const before = await v.stored('tariff_schedule', key);
      // The same data again is harmless (an import run twice); anything else would change prices a counter may already have charged.
      if (before && JSON.stringify(sorted(before.data)) !== JSON.stringify(sorted(e.data))) {
        throw refusal(409, 'SCHEDULE_IMMUTABLE', `Tariff schedule version ${key} already exists and never changes: write version ${e.data.version + 1} or later for a new price.`,
          `إصدار جدول التعرفة ${key} موجود ولا يتغير أبداً: اكتب الإصدار ${e.data.version + 1} أو ما بعده لسعر جديد.`);
      }
      return { data: e.data, counterId: null };
    }
    case 'tariff_group':
      if (!(await v.scheduleLive(e.data.scheduleCode))) throw noSchedule(e.data.scheduleCode, `tariff group ${key}`, `مجموعة التعرفة ${key}`);
      return { data: e.data, counterId: null };
    case 'customer':
      return { data: e.data, counterId: null };
    case 'meter': {
      const m = e.data;
      const bad = meterNumberProblem(m.kind, m.number);
      if (bad) throw refusal(422, 'BAD_METER_NUMBER', bad.en, bad.ar);
      if (!(await v.scheduleLive(m.scheduleCode))) throw noSchedule(m.scheduleCode, `meter ${key}`, `العداد ${key}`);
      if (m.groupCode !== null && (await v.get('tariff_group', m.groupCode)) === null) {
        throw refusal(422, 'NO_SUCH_GROUP', `Meter ${key} names the tariff group "${m.groupCode}", which does not exist.`, `العداد ${key} يذكر مجموعة التعرفة "${m.groupCode}" وهي غير موجودة.`);
      }
      if (m.customerKey !== null && (await v.get('customer', m.customerKey)) === null) {
        throw refusal(422, 'NO_SUCH_CUSTOMER', `Meter ${key} names the customer "${m.customerKey}", who does not exist.`, `العداد ${key} يذكر المشترك "${m.customerKey}" وهو غير موجود.`);
      }
      return { data: m, counterId: null };
    }
    case 'user': {
      const u = e.data;
      const counter = await counterRevokedAt(v.tx, u.counterId);
      if (!counter) throw refusal(422, 'NO_SUCH_COUNTER', `There is no counter ${u.counterId}.`, `لا توجد نقطة بيع رقم ${u.counterId}.`);
      if (counter.revokedAt !== null) {
        throw refusal(409, 'COUNTER_REVOKED', `Counter ${u.counterId} was revoked: it gets no users.`, `أُلغي تسجيل نقطة البيع ${u.counterId}: لا يُضاف إليها مستخدمون.`);
      }
      const before = (await v.get('user', key)) as MasterUser | null;
      let pinHash = before?.pinHash;
      if (u.pin !== undefined) {
        const weak = weakPinReason(u.pin);
        if (weak) throw refusal(422, 'WEAK_PIN', weak.en, weak.ar);
        pinHash = hashPin(u.pin);
      }
      if (pinHash === undefined) throw refusal(422, 'PIN_REQUIRED', `A new user (${key}) needs a PIN.`, `المستخدم الجديد (${key}) يحتاج إلى رقم سري.`);
      const data: MasterUser = { username: u.username, displayName: u.displayName, role: u.role, locale: u.locale, pinHash, active: u.active };
      return { data, counterId: u.counterId };
    }
  }
}

async function checkDelete(v: BatchView, entity: MasterEntity, key: string): Promise<void> {
  const still = async (refEntity: MasterEntity, field: string, value: string, en: string, ar: string) => {
    const refs = await v.referrers(refEntity, field, value);
    if (refs.length) {
      throw refusal(409, 'STILL_REFERENCED', `The ${ENTITY_NAME[entity].en} ${key} is still used by ${en} ${refs.slice(0, 5).join(', ')}: change those first.`,
        `${ENTITY_NAME[entity].ar} ${key} ما زال مستخدماً في ${ar} ${refs.slice(0, 5).join('، ')}: غيّرها أولاً.`);
    }
  };
  if (entity === 'tariff_schedule') {
    // A counter keeps every version it has priced with; the code must simply price nothing any more.
    const code = key.split('@')[0]!;
    await still('meter', 'scheduleCode', code, 'meter(s)', 'العدادات');
    await still('tariff_group', 'scheduleCode', code, 'tariff group(s)', 'مجموعات التعرفة');
  } else if (entity === 'tariff_group') {
    await still('meter', 'groupCode', key, 'meter(s)', 'العدادات');
  } else if (entity === 'customer') {
    await still('meter', 'customerKey', key, 'meter(s)', 'العدادات');
  }
}

/**
 * Checks and writes a batch in one transaction: every edit or none. The rows as written, in the
 * batch's order (an edit that changed nothing keeps its version).
 */
export async function applyMasterEdits(pool: pg.Pool, edits: readonly MasterEdit[], by: string): Promise<MasterRow[]> {
  return withMasterLock(pool, async (tx) => {
    const v = new BatchView(tx);
    const writes: MasterWrite[] = [];
    for (const e of edits) {
      const key = keyOfEdit(e);
      if ('delete' in e) {
        const existing = await v.get(e.entity, key);
        if (existing === null) {
          throw refusal(404, 'NOT_FOUND', `There is no ${ENTITY_NAME[e.entity].en} ${key}.`, `لا يوجد ${ENTITY_NAME[e.entity].ar} ${key}.`);
        }
        const counterId = e.entity === 'user' ? (await v.stored('user', key))?.counterId ?? null : null;
        v.set(e.entity, key, null);
        writes.push({ entity: e.entity, key, counterId, data: null });
      } else {
        const w = await checkUpsert(v, e, key);
        // What the counters will receive must pass the counters' own schema.
        MASTER_DATA_SCHEMAS[e.entity].parse(w.data);
        v.set(e.entity, key, w.data);
        writes.push({ entity: e.entity, key, counterId: w.counterId, data: w.data });
      }
    }
    // Deletions checked against the batch's final state: a meter moved off a group in the same batch frees it.
    for (const w of writes) if (w.data === null) await checkDelete(v, w.entity, w.key);
    return writeMasterRows(tx, writes, by);
  });
}

const noSchedule = (code: string, what: string, whatAr: string) =>
  refusal(422, 'NO_SUCH_SCHEDULE', `The ${what} names the tariff schedule "${code}", which has no version.`, `${whatAr} يذكر جدول التعرفة "${code}" وليس له أي إصدار.`);

/** Keys in order, deep: jsonb comparison in SQL ignores key order, so must this one. */
function sorted(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sorted);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted((v as Record<string, unknown>)[k])]));
  return v;
}
