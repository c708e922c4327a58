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
import { findMeter } from '../../db/repos/meters';
import type { VendingKeyStore } from '../keys';
import { vendorTokenTid } from './token-tid';

export interface MaintenanceInput {
  meterNumber: string;
  requestId?: string;
  purpose: 'maintenance' | 'repair' | 'check';
  action: MaintenanceAction;
  powerLimitW?: number;
  validMinutes: number;
}

export async function maintenanceCode(d: { db: Db; vendors: MeterVendors; now: () => Date; keys: Pick<VendingKeyStore, 'has' | 'use'>; leasesGovern?: () => boolean }, user: User, i: MaintenanceInput) {
  const meterNumber = i.meterNumber.replace(/[\s-]/g, '');
  if (knownMeter(d.db, meterNumber) !== 'sts') {
    throw err('BAD_INPUT', `Meter ${meterNumber} is a cloud (Acrel) meter; engineering codes are for STS meters.`, `العداد ${meterNumber} عداد سحابي (Acrel)؛ رموز الصيانة لعدادات STS فقط.`);
  }
  const client = clientFor(d.vendors, 'sts');
  // A server that sends the token without its TID (XMLVend): the counter must be able to read it
  // (the meter's ledger and the printed slip need it), so the supply group's key must be here —
  // asked before the server issues anything.
  const sts = findMeter(d.db.read, meterNumber)?.sts;
  if (!client.reportsTids && sts && !d.keys.has({ sgc: sts.sgc, krn: sts.krn })) {
    // Under head-office leases no supply-group key may be loaded here: "load that key" would be refused.
    if (d.leasesGovern?.()) {
      throw err('NO_VENDING_KEY', `The vending server sends engineering tokens without their TID, and this counter cannot read it: the head office holds the keys for SGC ${sts.sgc} KRN ${sts.krn}. Ask the head office to issue this engineering token.`,
        `يرسل خادم البيع رموز الصيانة دون رقمها التسلسلي (TID)، ولا يستطيع هذا المركز قراءته: مفاتيح SGC ${sts.sgc} KRN ${sts.krn} لدى المكتب الرئيسي. اطلب من المكتب الرئيسي إصدار رمز الصيانة هذا.`);
    }
    throw err('NO_VENDING_KEY', `The vending server sends engineering tokens without their TID, and this counter has no key for SGC ${sts.sgc} KRN ${sts.krn} to read it. Load that key (Settings > Keys) to issue engineering tokens here.`,
      `يرسل خادم البيع رموز الصيانة دون رقمها التسلسلي (TID)، ولا يملك هذا المركز مفتاح SGC ${sts.sgc} KRN ${sts.krn} لقراءته. حمّل هذا المفتاح (الإعدادات > المفاتيح) لإصدار رموز الصيانة هنا.`);
  }
  const key = i.requestId ?? randomUUID();
  const o = await client.generateMaintenanceCode({
    meterNumber,
    idempotencyKey: key,
    purpose: i.purpose,
    action: i.action,
    validMinutes: i.validMinutes,
    ...(i.powerLimitW === undefined ? {} : { powerLimitW: i.powerLimitW }),
  });
  const issued = unwrap(o, 'sts', meterNumber);
  const tid = issued.tid ?? vendorTokenTid(d.db.read, d.keys, meterNumber, issued.code);
  if (tid === null) {
    // Its key data is not what this counter holds for the meter (the server changed the key).
    throw err('CONFLICT', 'The engineering token from the vending server cannot be read with this meter\'s key data, so it is not given out. Check the meter\'s key data with the utility.',
      'لا يمكن قراءة رمز الصيانة من خادم البيع ببيانات مفتاح هذا العداد، فلم يُسلَّم. راجع بيانات مفتاح العداد مع شركة الكهرباء.');
  }
  const code = { ...issued, tid };
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
