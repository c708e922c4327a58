// The documented demo data: the simulators serve it and the app's demo database is seeded from
// this same module, so the counter and the "vendor clouds" agree. Plain typed data, no logic.
// Money is integer minor units; energy integer 0.1 kWh.

export interface DemoCustomer {
  /** Name as the utility holds it (Arabic). */
  nameAr: string;
  /** Transliteration, for English receipts and search. */
  nameEn: string;
  phone: string;
}

/** STS key data of a meter, as the vendor's key management holds it (DKGA02, EA07). */
export interface DemoStsKeys {
  vendingKey: string;
  keyType: number;
  sgc: string;
  ti: string;
  krn: number;
  baseDate: 2014;
  ea: '07';
  dkga: '02';
}

export interface DemoStsMeter {
  /** 11 digits (manufacturer 2 + serial 8 + Luhn) or 13 digits (manufacturer 4 + serial 8 + Luhn). */
  number: string;
  customer: DemoCustomer;
  keys: DemoStsKeys;
  /** How the vendor's cloud reaches the meter for prepaid-mode balance top-ups; 'none' = tokens only. */
  connection: 'rf' | 'wired' | 'none';
  /** kWh already on the meter's credit register, in 0.1 kWh. */
  startingBalanceTenths: number;
  /** The DCU (data concentrator) the vendor reaches the meter through; none for tokens-only meters. */
  dcuId?: string;
  /** What the household draws in the simulator, watts (default 800). */
  loadW?: number;
}

export interface DemoAcrelMeter {
  /** 12 digits, as printed on the ADL200's nameplate. */
  number: string;
  customer: DemoCustomer;
  paymentMode: 'prepaid' | 'postpaid';
  startingBalanceMinor: number;
  /** How the cloud reaches it: LoRa/RF through a gateway, or wired (RS-485) to one. Default rf. */
  connection?: 'rf' | 'wired';
  dcuId?: string;
  loadW?: number;
}

export interface DemoApiCredentials {
  apiKey: string;
  apiSecret: string;
  merchantId: string | null;
}

/** The test key of the STS Association's compliance vectors: never a production key. */
export const DEMO_STS_KEYS: DemoStsKeys = {
  vendingKey: 'abababababababab',
  keyType: 2,
  sgc: '123456',
  ti: '01',
  krn: 1,
  baseDate: 2014,
  ea: '07',
  dkga: '02',
};

export const DEMO_STS_METERS: readonly DemoStsMeter[] = [
  {
    number: '04000001018',
    customer: { nameAr: 'أحمد علي الصالح', nameEn: 'Ahmad Ali Al-Saleh', phone: '+967711000101' },
    keys: DEMO_STS_KEYS,
    connection: 'rf',
    startingBalanceTenths: 0,
    dcuId: 'DCU-SANAA-01',
  },
  {
    number: '04000001026',
    customer: { nameAr: 'فاطمة حسن عبده', nameEn: 'Fatima Hasan Abdu', phone: '+967711000102' },
    keys: DEMO_STS_KEYS,
    connection: 'rf',
    startingBalanceTenths: 125,
    dcuId: 'DCU-SANAA-01',
    loadW: 1_200,
  },
  {
    number: '04123456784',
    customer: { nameAr: 'محمد عبدالله القحطاني', nameEn: 'Mohammed Abdullah Al-Qahtani', phone: '+967711000103' },
    keys: DEMO_STS_KEYS,
    connection: 'none',
    startingBalanceTenths: 0,
  },
  {
    number: '0104000123455',
    customer: { nameAr: 'سعيد ناصر الحربي', nameEn: 'Saeed Nasser Al-Harbi', phone: '+967711000104' },
    keys: DEMO_STS_KEYS,
    connection: 'wired',
    startingBalanceTenths: 500,
    dcuId: 'DCU-SANAA-02',
  },
];

/** Same digits as the first demo meter with a wrong check digit: the counter must refuse it. */
export const DEMO_BAD_CHECK_DIGIT_METER = '04000001019';
/** A well-formed meter number (valid check digit) that no demo vendor knows. */
export const DEMO_UNKNOWN_STS_METER = '04000001034';

export const DEMO_ACREL_METERS: readonly DemoAcrelMeter[] = [
  {
    number: '202400000001',
    customer: { nameAr: 'خالد يوسف المطري', nameEn: 'Khaled Yousef Al-Matari', phone: '+967733000201' },
    paymentMode: 'prepaid',
    startingBalanceMinor: 2_500,
    dcuId: 'GW-ADEN-01',
  },
  {
    number: '202400000002',
    customer: { nameAr: 'مريم سالم باوزير', nameEn: 'Maryam Salem Bawazir', phone: '+967733000202' },
    paymentMode: 'prepaid',
    startingBalanceMinor: 0,
    dcuId: 'GW-ADEN-01',
  },
  {
    number: '202400000003',
    customer: { nameAr: 'شركة النور للتجارة', nameEn: 'Al-Noor Trading Co.', phone: '+967733000203' },
    paymentMode: 'postpaid',
    startingBalanceMinor: 0,
    connection: 'wired',
    dcuId: 'GW-ADEN-02',
    loadW: 3_000,
  },
];
export const DEMO_UNKNOWN_ACREL_METER = '202499999999';

/** The time-of-use schedule every demo ADL200 starts with (minor units per kWh, local time UTC+3). */
export const DEMO_ACREL_SCHEDULE = [
  { name: { ar: 'النهار', en: 'Day' }, startMinute: 0, endMinute: 1_020, pricePerKwh: '250' },
  { name: { ar: 'الذروة المسائية', en: 'Evening peak' }, startMinute: 1_020, endMinute: 1_440, pricePerKwh: '350' },
];

export const DEMO_CREDENTIALS: { sts: DemoApiCredentials; acrel: DemoApiCredentials; headOffice: DemoApiCredentials } = {
  sts: { apiKey: 'demo-sts-key', apiSecret: 'demo-sts-secret-do-not-use-in-production', merchantId: 'SHAHN-DEMO-001' },
  acrel: { apiKey: 'demo-acrel-key', apiSecret: 'demo-acrel-secret-do-not-use-in-production', merchantId: 'SHAHN-DEMO-001' },
  headOffice: { apiKey: 'demo-counter-01', apiSecret: 'demo-head-office-secret-do-not-use-in-production', merchantId: null },
};
