// Engineering (maintenance) codes for STS meters: the vendor makes a class 2 token with the
// meter's key (clear tamper, clear credit, set the power limit) that a technician types on the
// keypad. The supervisor waits for it, so it is a direct call — keyed, so a retry after a lost
// answer returns the same code — and every code issued is audited (its TID, never the digits).
// Its TID is recorded in the meter's token ledger like a credit token's (main/meters/token-ledger),
// so a local credit token made after it takes a greater TID; a code whose TID a token of this
// counter already holds is refused (the meter would refuse one of them), and audited as refused.
import { randomUUID } from 'node:crypto';
import type { User } from '../../preload/contract';
import type { Db } from '../../db/open';
import { appendAudit } from '../audit/append';
import { err } from '../common/errors';
import { meterIdOf } from '../../db/repos/issued-tokens';
import type { MaintenanceAction } from '../vendors/sts/wire-meter';
import { knownMeter } from './reads';
import { recordIssuedToken, TidInUseError } from './token-ledger';
import { tokenDigest } from './token-digest';
import { clientFor, unwrap, type MeterVendors } from './vendors';

export interface MaintenanceInput {
  meterNumber: string;
  requestId?: string;
  purpose: 'maintenance' | 'repair' | 'check';
  action: MaintenanceAction;
  powerLimitW?: number;
  validMinutes: number;
}

export async function maintenanceCode(d: { db: Db; vendors: MeterVendors; now: () => Date }, user: User, i: MaintenanceInput) {
  const meterNumber = i.meterNumber.replace(/[\s-]/g, '');
  if (knownMeter(d.db, meterNumber) !== 'sts') {
    throw err('BAD_INPUT', `Meter ${meterNumber} is a cloud (Acrel) meter; engineering codes are for STS meters.`, `العداد ${meterNumber} عداد سحابي (Acrel)؛ رموز الصيانة لعدادات STS فقط.`);
  }
  const key = i.requestId ?? randomUUID();
  const o = await clientFor(d.vendors, 'sts').generateMaintenanceCode({
    meterNumber,
    idempotencyKey: key,
    purpose: i.purpose,
    action: i.action,
    validMinutes: i.validMinutes,
    ...(i.powerLimitW === undefined ? {} : { powerLimitW: i.powerLimitW }),
  });
  const code = unwrap(o, 'sts', meterNumber);
  const at = d.now().toISOString();
  const w = d.db.write;
  const details = { requestId: key, purpose: i.purpose, action: i.action, powerLimitW: i.powerLimitW ?? null, tid: code.tid, expiresAt: code.expiresAt };
  try {
    w.transaction(() => {
      const meterId = meterIdOf(w, meterNumber)!; // knownMeter found it; meters are never deleted
      recordIssuedToken(w, { meterId, tid: code.tid, kind: 'engineering', source: 'vendor', saleId: null, requestId: key, issuedAt: at });
      // The digits are not kept (they would open the meter); their hash lets a reprint prove them.
      appendAudit(w, { at, userId: user.id, action: 'meter.maintenance_code', entity: 'meter', entityId: meterNumber, details: { ...details, codeSha256: tokenDigest(code.code) } });
    })();
  } catch (e) {
    if (!(e instanceof TidInUseError)) throw e;
    w.transaction(() => appendAudit(w, { at, userId: user.id, action: 'meter.maintenance_code_refused', entity: 'meter', entityId: meterNumber, details }))();
    throw err('CONFLICT', `${e.bilingual.en} The code was not issued: ask for a new one.`, `${e.bilingual.ar} لم يصدر الرمز: اطلب رمزاً جديداً.`);
  }
  return { meterNumber, ...code };
}
