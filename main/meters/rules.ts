// What makes a new meter acceptable, shared by meters.create and the CSV import (which lists
// every problem of every row instead of stopping at the first). Messages in both languages.
import type { ReadDb, WriteDb } from '../../db/open';
import { insertMeterRow, meterNumberExists, type StsKeyData } from '../../db/repos/meters';
import { groupScheduleRef, scheduleCodeExists } from '../../db/repos/tariffs';
import type { Bilingual } from '../../preload/contract';
import { isValidMeterNumber } from '../sts';

export interface NewMeter {
  number: string; kind: 'sts' | 'acrel'; customerId: number | null; scheduleCode?: string; groupCode?: string;
  sts?: StsKeyData;
}
export interface Problem { field: string; message: Bilingual; code?: 'CONFLICT' | 'BAD_METER_NUMBER' }

export function meterNumberProblem(kind: 'sts' | 'acrel', number: string): Bilingual | null {
  if (kind === 'sts') {
    if (!/^(\d{11}|\d{13})$/.test(number)) return { en: `An STS meter number has 11 or 13 digits ("${number.slice(0, 32)}").`, ar: `رقم عداد STS من 11 أو 13 رقماً ("${number.slice(0, 32)}").` };
    if (!isValidMeterNumber(number)) return { en: `The check digit of meter ${number} is wrong: check the number on the meter.`, ar: `رقم التحقق للعداد ${number} غير صحيح: راجع الرقم على العداد.` };
    return null;
  }
  return /^\d{6,20}$/.test(number) ? null : { en: `A cloud meter number has 6 to 20 digits ("${number.slice(0, 32)}").`, ar: `رقم العداد السحابي من 6 إلى 20 رقماً ("${number.slice(0, 32)}").` };
}

/** Where the meter's tariff comes from: its own schedule, or a group (which names the schedule). */
export function tariffTarget(db: ReadDb, m: Pick<NewMeter, 'scheduleCode' | 'groupCode'>): { scheduleCode: string; groupId: number | null } | Problem {
  if (m.groupCode !== undefined) {
    const g = groupScheduleRef(db, m.groupCode);
    return g ? { scheduleCode: g.schedule_code, groupId: g.id } : { field: 'group_code', message: { en: `There is no tariff group "${m.groupCode}".`, ar: `لا توجد مجموعة تعرفة "${m.groupCode}".` } };
  }
  const code = m.scheduleCode ?? '';
  return scheduleCodeExists(db, code)
    ? { scheduleCode: code, groupId: null }
    : { field: 'schedule_code', message: { en: `There is no tariff "${code}".`, ar: `لا توجد تعرفة "${code}".` } };
}

export function newMeterProblems(db: ReadDb, m: NewMeter): Problem[] {
  const out: Problem[] = [];
  const bad = meterNumberProblem(m.kind, m.number);
  if (bad) out.push({ field: 'meter_number', message: bad, code: 'BAD_METER_NUMBER' });
  else if (meterNumberExists(db, m.number)) {
    out.push({ field: 'meter_number', message: { en: `Meter ${m.number} is already registered.`, ar: `العداد ${m.number} مسجل من قبل.` }, code: 'CONFLICT' });
  }
  const t = tariffTarget(db, m);
  if ('field' in t) out.push(t);
  if (m.kind === 'sts' && !m.sts) out.push({ field: 'sts_sgc', message: { en: 'An STS meter needs its key data (SGC, TI, KRN, key type, base date).', ar: 'يحتاج عداد STS إلى بيانات المفتاح (SGC وTI وKRN ونوع المفتاح وتاريخ الأساس).' } });
  if (m.kind === 'acrel' && m.sts) out.push({ field: 'sts_sgc', message: { en: 'A cloud meter has no STS key data.', ar: 'العداد السحابي ليس له بيانات مفتاح STS.' } });
  return out;
}

export function insertMeter(db: WriteDb, m: NewMeter, at: string): number {
  const t = tariffTarget(db, m);
  if ('field' in t) throw new Error(t.message.en);
  return insertMeterRow(db, { number: m.number, kind: m.kind, customerId: m.customerId, scheduleCode: t.scheduleCode, groupId: t.groupId, sts: m.sts }, at);
}
