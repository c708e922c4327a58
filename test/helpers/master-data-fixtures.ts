// Master-data records for tests, as the head office's console would send them: one schedule, a
// group on it, a customer, an STS meter (a demo meter, valid check digit) and a cloud meter.
import type { MasterCustomer, MasterGroup, MasterMeter, MasterSchedule } from '../../main/vendors/head-office/master-data-wire';
import { DEMO_ACREL_METERS, DEMO_STS_KEYS, DEMO_STS_METERS } from '../sim/demo-data';

export const schedule = (over: Partial<MasterSchedule> = {}): MasterSchedule => ({
  code: 'HO-RES', version: 1, name: { ar: 'سكني المكتب', en: 'HO residential' }, effectiveFrom: '2026-01-01T00:00:00.000Z',
  vatPercent: '0', feeMinor: 0, feeMode: 'per_sale', debtRecoveryPercent: '0', minPurchaseMinor: 100, maxPurchaseMinor: 10_000_000,
  periods: [{ name: { ar: 'طوال اليوم', en: 'All day' }, start: '00:00', end: '24:00', pricePerKwh: '50', active: true }],
  ...over,
});

export const group = (over: Partial<MasterGroup> = {}): MasterGroup => ({ code: 'FEEDER3', name: { ar: 'المغذي 3', en: 'Feeder 3' }, scheduleCode: 'HO-RES', ...over });

export const customer = (over: Partial<MasterCustomer> = {}): MasterCustomer => ({
  key: 'C-1001', nameAr: 'سالم الحكيمي', nameLatin: 'Salem Alhakimi', phone: '+967 777 100 200', address: 'صنعاء', ...over,
});

const k = DEMO_STS_KEYS;
export const stsKeys = { sgc: k.sgc, ti: k.ti, krn: k.krn, keyType: k.keyType, baseDate: k.baseDate, ea: k.ea, dkga: k.dkga };

export const stsMeter = (over: Partial<MasterMeter> = {}): MasterMeter => ({
  number: DEMO_STS_METERS[0]!.number, kind: 'sts', active: true, customerKey: 'C-1001', scheduleCode: 'HO-RES', groupCode: null,
  paymentMode: 'prepaid', sts: stsKeys, minPurchaseMinor: null, maxPurchaseMinor: null, creditLimitMinor: null, depositMinor: 0, ...over,
});

export const cloudMeter = (over: Partial<MasterMeter> = {}): MasterMeter => ({
  number: DEMO_ACREL_METERS[0]!.number, kind: 'acrel', active: true, customerKey: null, scheduleCode: 'HO-RES', groupCode: 'FEEDER3',
  paymentMode: 'prepaid', sts: null, minPurchaseMinor: null, maxPurchaseMinor: null, creditLimitMinor: null, depositMinor: 0, ...over,
});
