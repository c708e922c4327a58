// The demo's tariffs, customers and meters as a head-office import (the shape of
// head-office/master-data/import-doc.ts), so `npm run demo -- --head-office` shows a counter whose
// master data comes from the head office: the same data the plain demo seeds into the counter.
import { hhmm } from '../main/tariffs/pricing/time';
import type { MasterImport } from '../head-office/master-data/import-doc';
import type { MasterMeter } from '../main/vendors/head-office/master-data-wire';
import { DEMO_ACREL_METERS, DEMO_STS_METERS } from '../test/sim/demo-data';
import { DEMO_COMMERCIAL_TARIFF, DEMO_GROUP, DEMO_TARIFF } from './seed-demo';

const SINCE = '2000-01-01T00:00:00.000Z';
const clock = (m: number) => (m === 1440 ? '24:00' : hhmm(m));

/** One user the head office adds to the demo counter, beside the counter's own demo users. */
export const DEMO_HO_USER = { username: 'amal', pin: '2580', displayName: 'أمل (المكتب الرئيسي)', role: 'cashier', locale: 'ar' } as const;

export function demoMasterImport(counterId: number): MasterImport {
  const t = DEMO_TARIFF;
  const c = DEMO_COMMERCIAL_TARIFF;
  const meterBase = { active: true, groupCode: null, minPurchaseMinor: null, maxPurchaseMinor: null, creditLimitMinor: null, depositMinor: 0 } as const;
  const stsMeters: MasterMeter[] = DEMO_STS_METERS.map((m) => ({
    ...meterBase, number: m.number, kind: 'sts', customerKey: `D-${m.number}`, scheduleCode: t.code, paymentMode: 'prepaid',
    groupCode: m.number === DEMO_GROUP.meter ? DEMO_GROUP.code : null,
    sts: { sgc: m.keys.sgc, ti: m.keys.ti, krn: m.keys.krn, keyType: m.keys.keyType, baseDate: m.keys.baseDate, ea: m.keys.ea, dkga: m.keys.dkga },
  }));
  const acrelMeters: MasterMeter[] = DEMO_ACREL_METERS.map((m) => ({
    ...meterBase, number: m.number, kind: 'acrel', customerKey: `D-${m.number}`, scheduleCode: t.code, paymentMode: m.paymentMode, sts: null,
  }));
  return {
    tariffSchedules: [
      { code: t.code, version: 1, name: { ar: t.nameAr, en: t.nameEn }, effectiveFrom: SINCE, vatPercent: t.vatPercent, feeMinor: t.feeMinor, feeMode: 'per_sale',
        debtRecoveryPercent: '0', minPurchaseMinor: t.minPurchaseMinor, maxPurchaseMinor: t.maxPurchaseMinor,
        periods: t.periods.map((p) => ({ name: { ar: p.nameAr, en: p.nameEn }, start: clock(p.start), end: clock(p.end), pricePerKwh: p.price, active: true })) },
      { code: c.code, version: 1, name: { ar: c.nameAr, en: c.nameEn }, effectiveFrom: SINCE, vatPercent: c.vatPercent, feeMinor: c.feeMinor, feeMode: c.feeMode,
        debtRecoveryPercent: c.debtRecoveryPercent, minPurchaseMinor: c.minPurchaseMinor, maxPurchaseMinor: c.maxPurchaseMinor,
        periods: [{ name: { ar: 'طوال اليوم', en: 'All day' }, start: '00:00', end: '24:00', pricePerKwh: c.price, active: true }] },
    ],
    tariffGroups: [{ code: DEMO_GROUP.code, name: { ar: DEMO_GROUP.nameAr, en: DEMO_GROUP.nameEn }, scheduleCode: c.code }],
    customers: [...DEMO_STS_METERS, ...DEMO_ACREL_METERS].map((m) => ({ key: `D-${m.number}`, nameAr: m.customer.nameAr, nameLatin: m.customer.nameEn, phone: m.customer.phone, address: null })),
    meters: [...stsMeters, ...acrelMeters],
    users: [{ counterId, username: DEMO_HO_USER.username, displayName: DEMO_HO_USER.displayName, role: DEMO_HO_USER.role, locale: DEMO_HO_USER.locale, active: true, pin: DEMO_HO_USER.pin }],
  };
}
