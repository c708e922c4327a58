// The XMLVend server's demo records: the same STS meters as the STS cloud (demo-data.ts), with what
// a utility's server also holds about them — address, account, location, arrears, FBE — and the
// client and operator it accepts. Demo values only.
import { DEMO_STS_METERS } from '../demo-data';
import type { XmlVendAccount, XmlVendCredentials, XmlVendMeter } from './options';

export const XMLVEND_DEMO_CREDENTIALS: XmlVendCredentials = {
  clientEan: '6001234500012',
  opName: 'SHAHN01',
  password: 'demo-xmlvend-password',
};

const EXTRAS: Record<string, Omit<XmlVendMeter, keyof (typeof DEMO_STS_METERS)[number]>> = {
  '04000001018': { address: 'صنعاء، شارع الزبيري 12', locRef: 'ERF-1018', debtMinor: 0, fbeEligible: false },
  '04000001026': { address: 'صنعاء، حي حدة 7', locRef: 'ERF-1026', debtMinor: 0, fbeEligible: true },
  '04123456784': { address: 'عدن، كريتر 3', locRef: 'ERF-6784', debtMinor: 5_000, fbeEligible: false },
  '0104000123455': { address: 'تعز، شارع جمال 40', locRef: 'ERF-3455', debtMinor: 0, fbeEligible: false },
};

export const XMLVEND_DEMO_METERS: readonly XmlVendMeter[] = DEMO_STS_METERS.map((m) => ({ ...m, accNo: `ACC-${m.number}`, ...EXTRAS[m.number] }));

export const XMLVEND_DEMO_ACCOUNTS: readonly XmlVendAccount[] = [
  { accNo: 'POST-0001', name: 'شركة النور للتجارة', address: 'عدن، المعلا 9', balanceMinor: 120_000 },
];
