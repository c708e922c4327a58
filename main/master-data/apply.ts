// Applying one page of head-office master data to this counter, inside the caller's write
// transaction (with the cursor): whole or not at all, and harmless to apply again. The counter's
// own rules still hold: schedule versions never change; a meter's new STS key data goes through the
// same key-change bookkeeping as a local edit; a meter with sales is deactivated, never deleted;
// a user removed at the head office is deactivated and their sessions end; a user made at this
// counter (the setup's admin) is never touched. Sales are never read or written here but to ask
// whether a meter has any.
//
// A record the counter refuses is set aside (held, with its reason), not a stop: each record is
// applied in its own savepoint, so a refused one leaves nothing half-written, and the rest of the
// page and every later page still apply. Otherwise one username clash would keep every later
// price, meter deactivation and user removal from this counter for good. Held records are tried
// again on each pull (retryHeld). A meter whose customer or group is not here yet is linked when
// it arrives (the deferred links), so setting a record aside never breaks the records after it.
import type { WriteDb } from '../../db/open';
import {
  customerIdByHoKey, deactivateMeter, deactivateUser, deleteCustomerIfUnused, deleteGroupByCode, deleteMeterRow, heldRecords, holdRecord, insertHoUser,
  insertScheduleVersionAs, linkMetersToCustomer, linkMetersToGroup, meterHasSales, rebindUserHoKey, releaseHeld, scheduleVersionContent, setCustomerHoKey,
  setMeterMasterFields, updateHoUser, userByHoKey, userByName,
} from '../../db/repos/master-data';
import { insertCustomerRow, updateCustomerRow } from '../../db/repos/customers';
import { insertMeterRow, meterDetailRow, updateMeterRow } from '../../db/repos/meters';
import { groupScheduleRef, saveGroup } from '../../db/repos/tariffs';
import { compactMeter } from '../../db/normalize';
import type { Bilingual } from '../../preload/contract';
import { MasterChangeSchema, type MasterChange, type MasterCustomer, type MasterGroup, type MasterMeter, type MasterSchedule, type MasterUser } from '../vendors/head-office/master-data-wire';
import { appendAudit } from '../audit/append';
import { keyChangeAfterEdit, keyHeld } from '../meters/registry';
import { meterNumberProblem } from '../meters/rules';
import { periodsOf } from './schedule';

/** A record this counter cannot take as sent: it is set aside (held) and tried again on each pull. */
export class RecordRefused extends Error {
  constructor(readonly change: Pick<MasterChange, 'entity' | 'key' | 'version'>, readonly message2: Bilingual) {
    super(`${change.entity} ${change.key}: ${message2.en}`);
  }
}

export interface HeldBack { entity: MasterChange['entity']; key: string; version: number; reason: Bilingual }

export interface PageResult {
  applied: number;
  /** Records set aside, with why (each also stored in master_data_held). */
  held: HeldBack[];
  /** Users whose sessions must end once the page is committed (deactivated, role or PIN changed). */
  endSessionsOf: number[];
}

/** Referenced records first, so a page that brings a customer and its meter links them at once. */
const ORDER: Record<MasterChange['entity'], number> = { tariff_schedule: 0, tariff_group: 1, customer: 2, meter: 3, user: 4 };

export interface ApplyOptions {
  /** Test seam: called after each record is applied (a throw here is a crash mid-page). */
  afterRecord?: (c: MasterChange) => void;
}

export function applyMasterPage(db: WriteDb, changes: readonly MasterChange[], at: string, opts: ApplyOptions = {}): PageResult {
  const out: PageResult = { applied: 0, held: [], endSessionsOf: [] };
  for (const c of inOrder(changes)) {
    applyOrHold(db, c, at, out);
    opts.afterRecord?.(c);
  }
  return out;
}

/**
 * Tries every held record again (inside the caller's transaction): applied ones leave the list,
 * the others keep their place with the reason as it stands now. A stored change that no longer
 * reads as one (a newer counter's row) stays held, untouched.
 */
export function retryHeld(db: WriteDb, at: string): PageResult {
  const out: PageResult = { applied: 0, held: [], endSessionsOf: [] };
  const changes = heldRecords(db).flatMap((h) => {
    const c = MasterChangeSchema.safeParse(h.change);
    return c.success ? [c.data] : [];
  });
  for (const c of inOrder(changes)) applyOrHold(db, c, at, out);
  return out;
}

const inOrder = (changes: readonly MasterChange[]) => [...changes].sort((a, b) => ORDER[a.entity] - ORDER[b.entity] || a.version - b.version);

function applyOrHold(db: WriteDb, c: MasterChange, at: string, out: PageResult): void {
  try {
    // A savepoint: a record refused half-way leaves nothing of itself behind.
    out.endSessionsOf.push(...db.transaction(() => applyOne(db, c, at))());
    releaseHeld(db, c.entity, c.key);
    out.applied++;
  } catch (e) {
    if (!(e instanceof RecordRefused)) throw e;
    holdRecord(db, { entity: c.entity, key: c.key, version: c.version, change: c, reason: e.message2 }, at);
    out.held.push({ entity: c.entity, key: c.key, version: c.version, reason: e.message2 });
  }
}

/** The users whose sessions must end. */
function applyOne(db: WriteDb, c: MasterChange, at: string): number[] {
  // The wire union's data is one shape per entity; zod's generic builder types it as any of them.
  const refuse = (en: string, ar: string) => new RecordRefused(c, { en, ar });
  switch (c.entity) {
    case 'tariff_schedule': applySchedule(db, c.key, c.data as MasterSchedule | null, at, refuse); return [];
    case 'tariff_group': applyGroup(db, c.key, c.data as MasterGroup | null, at); return [];
    case 'customer': applyCustomer(db, c.key, c.data as MasterCustomer | null, at); return [];
    case 'meter': applyMeter(db, c.key, c.data as MasterMeter | null, at, refuse); return [];
    case 'user': return applyUser(db, c.key, c.data as MasterUser | null, at, refuse);
  }
}

type Refuse = (en: string, ar: string) => RecordRefused;

function applySchedule(db: WriteDb, key: string, s: MasterSchedule | null, at: string, refuse: Refuse): void {
  // A version once here stays: sales were priced with it. A deleted one simply prices nothing (no meter names its code).
  if (s === null) return;
  const { periods, problems } = periodsOf(s);
  if (problems.length) throw refuse(problems.map((p) => p.en).join(' '), problems.map((p) => p.ar).join(' '));
  const v = { code: s.code, version: s.version, name: s.name, effectiveFrom: new Date(s.effectiveFrom).toISOString(), vatPercent: s.vatPercent, feeMinor: s.feeMinor,
    feeMode: s.feeMode, debtRecoveryPercent: s.debtRecoveryPercent, minPurchaseMinor: s.minPurchaseMinor, maxPurchaseMinor: s.maxPurchaseMinor, periods };
  const held = scheduleVersionContent(db, s.code, s.version);
  if (held) {
    const { version: _v, ...mine } = v;
    if (JSON.stringify(held) === JSON.stringify(mine)) return;
    throw refuse(`This counter already holds version ${s.version} of tariff ${s.code} with other prices (made here before it was enrolled). Give the head office's schedule another code or a later version.`,
      `نقطة البيع هذه تحمل الإصدار ${s.version} من التعرفة ${s.code} بأسعار أخرى (أُنشئ هنا قبل التسجيل). أعطِ جدول المكتب الرئيسي رمزاً آخر أو إصداراً لاحقاً.`);
  }
  insertScheduleVersionAs(db, v, at);
}

function applyGroup(db: WriteDb, code: string, g: MasterGroup | null, at: string): void {
  if (g === null) return deleteGroupByCode(db, code);
  saveGroup(db, { code, name: g.name, scheduleCode: g.scheduleCode }, at);
  linkMetersToGroup(db, code);
}

function applyCustomer(db: WriteDb, key: string, c: MasterCustomer | null, at: string): void {
  const id = customerIdByHoKey(db, key);
  if (c === null) {
    if (id !== null) deleteCustomerIfUnused(db, id);
    return;
  }
  if (id === null) {
    const newId = insertCustomerRow(db, { name: c.nameAr, nameLatin: c.nameLatin, phone: c.phone, address: c.address }, at);
    setCustomerHoKey(db, newId, key);
    linkMetersToCustomer(db, key, newId);
    return;
  }
  updateCustomerRow(db, id, { name: c.nameAr, setNameLatin: true, nameLatin: c.nameLatin, setPhone: true, phone: c.phone, setAddress: true, address: c.address }, at);
}

function applyMeter(db: WriteDb, key: string, m: MasterMeter | null, at: string, refuse: Refuse): void {
  const number = compactMeter(key);
  const row = meterDetailRow(db, number);
  if (m === null) {
    if (!row) return;
    if (meterHasSales(db, row.id)) return deactivateMeter(db, number);
    // Commands, tokens or readings recorded for it (foreign keys) keep it too: then it is deactivated.
    try {
      db.transaction(() => deleteMeterRow(db, row.id))();
    } catch (e) {
      if (!/FOREIGN KEY/.test((e as Error).message)) throw e;
      deactivateMeter(db, number);
    }
    return;
  }
  const bad = meterNumberProblem(m.kind, number);
  if (bad) throw refuse(bad.en, bad.ar);
  if (row && row.kind !== m.kind) {
    throw refuse(`Meter ${number} is a ${row.kind === 'sts' ? 'STS' : 'cloud'} meter at this counter; the head office sends it as another kind.`,
      `العداد ${number} في نقطة البيع هذه من نوع ${row.kind === 'sts' ? 'STS' : 'سحابي'}؛ والمكتب الرئيسي يرسله بنوع آخر.`);
  }
  const customerId = m.customerKey === null ? null : customerIdByHoKey(db, m.customerKey);
  const groupId = m.groupCode === null ? null : groupScheduleRef(db, m.groupCode)?.id ?? null;
  const sts = m.sts ?? undefined;
  if (!row) insertMeterRow(db, { number, kind: m.kind, customerId, scheduleCode: m.scheduleCode, groupId, sts }, at);
  setMeterMasterFields(db, number, {
    customerId, hoCustomerKey: m.customerKey, scheduleCode: m.scheduleCode, groupId, hoGroupCode: m.groupCode, paymentMode: m.paymentMode,
    minPurchaseMinor: m.minPurchaseMinor, maxPurchaseMinor: m.maxPurchaseMinor, creditLimitMinor: m.creditLimitMinor, depositMinor: m.depositMinor, active: m.active,
  });
  if (row && sts) {
    const held = keyHeld(db, number);
    updateMeterRow(db, number, { setCustomer: false, customerId: null, active: null, sts });
    const keyChange = keyChangeAfterEdit(db, number, held);
    if (keyChange) {
      appendAudit(db, { at, userId: null, action: 'meter.update', entity: 'meter', entityId: number, details: { source: 'head-office', sts, keyChange } });
    }
  }
}

/** The users whose sessions must end. */
function applyUser(db: WriteDb, key: string, u: MasterUser | null, at: string, refuse: Refuse): number[] {
  if (u === null) {
    const row = userByHoKey(db, key);
    if (!row || row.active === 0) return [];
    deactivateUser(db, row.id);
    return [row.id];
  }
  let row = userByHoKey(db, key);
  if (!row) {
    const clash = userByName(db, u.username);
    if (clash && clash.ho_key === null) {
      throw refuse(`A user named "${u.username}" was made at this counter; the head office's user of that name cannot replace them. This record is set aside and the rest applied: give one of them another username.`,
        `المستخدم "${u.username}" أُنشئ في نقطة البيع هذه؛ ولا يحل محله مستخدم المكتب الرئيسي بالاسم نفسه. جُنّب هذا السجل وطُبّق الباقي: غيّر اسم أحدهما.`);
    }
    if (!clash) {
      insertHoUser(db, { username: u.username, displayName: u.displayName, role: u.role, pinHash: u.pinHash, locale: u.locale, active: u.active, hoKey: key }, at);
      return [];
    }
    // The head office's user under another key: the same person from an earlier enrolment (the key
    // names the old counter id). Taken over, so re-enrolling never makes a clash.
    rebindUserHoKey(db, clash.id, key);
    row = clash;
  }
  updateHoUser(db, row.id, { displayName: u.displayName, role: u.role, pinHash: u.pinHash, locale: u.locale, active: u.active });
  const ends = row.role !== u.role || (row.active === 1) !== u.active || row.pin_hash !== u.pinHash;
  return ends ? [row.id] : [];
}
