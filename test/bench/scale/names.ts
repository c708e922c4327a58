// Deterministic data for the scale databases: customer names (Arabic with their
// Latin spelling), Yemeni mobile numbers, STS meter numbers with their Luhn digit, Acrel numbers.
import { luhnDigit } from '../../../main/sts/meter-number';

/** The simulators' seeded PRNG: the same sequence for the same seed on every machine. */
export { mulberry32 as prng } from '../../sim/kit/random';

export const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

/** [Arabic, Latin]: the spelling a cashier types for an English screen. Hamza forms on purpose (search normalises them). */
export const FIRST_NAMES: readonly (readonly [string, string])[] = [
  ['محمد', 'Mohammed'], ['أحمد', 'Ahmed'], ['علي', 'Ali'], ['عبدالله', 'Abdullah'], ['إبراهيم', 'Ibrahim'], ['خالد', 'Khaled'],
  ['صالح', 'Saleh'], ['عمر', 'Omar'], ['يوسف', 'Yousef'], ['حسن', 'Hassan'], ['حسين', 'Hussein'], ['فاطمة', 'Fatima'],
  ['عائشة', 'Aisha'], ['مريم', 'Maryam'], ['سارة', 'Sara'], ['نورة', 'Noura'], ['أمل', 'Amal'], ['هدى', 'Huda'],
  ['سعيد', 'Saeed'], ['ناصر', 'Nasser'], ['فيصل', 'Faisal'], ['ياسر', 'Yasser'], ['منى', 'Mona'], ['رشا', 'Rasha'],
  ['طارق', 'Tariq'], ['وليد', 'Waleed'], ['مصطفى', 'Mustafa'], ['زينب', 'Zainab'], ['عادل', 'Adel'], ['سلمى', 'Salma'],
];

export const FAMILY_NAMES: readonly (readonly [string, string])[] = [
  ['الحداد', 'Al-Haddad'], ['العمري', 'Al-Omari'], ['الأهدل', 'Al-Ahdal'], ['باوزير', 'Bawazir'], ['الشامي', 'Al-Shami'],
  ['المقطري', 'Al-Maqtari'], ['السقاف', 'Al-Saqqaf'], ['العبسي', 'Al-Absi'], ['الحميري', 'Al-Himyari'], ['الزبيدي', 'Al-Zubaidi'],
  ['الكبسي', 'Al-Kibsi'], ['الإرياني', 'Al-Eryani'], ['بن لادن', 'Bin Laden'], ['العولقي', 'Al-Awlaqi'], ['الصبري', 'Al-Sabri'],
  ['القاضي', 'Al-Qadhi'], ['المتوكل', 'Al-Mutawakel'], ['الجفري', 'Al-Jifri'], ['باعشن', 'Ba-Ashan'], ['الوصابي', 'Al-Wesabi'],
  ['النهاري', 'Al-Nahari'], ['الأغبري', 'Al-Aghbari'], ['الريمي', 'Al-Raimi'], ['الخولاني', 'Al-Khawlani'], ['السنيدار', 'Al-Sunaidar'],
  ['الحكيمي', 'Al-Hakimi'], ['الشرعبي', 'Al-Sharabi'], ['اليافعي', 'Al-Yafei'], ['المخلافي', 'Al-Mekhlafi'], ['الذيباني', 'Al-Thibani'],
  ['العريقي', 'Al-Oraiqi'], ['البيضاني', 'Al-Baidhani'], ['الصنعاني', 'Al-Sanani'], ['الحضرمي', 'Al-Hadrami'], ['العدني', 'Al-Adani'],
  ['التعزي', 'Al-Taizi'], ['الذماري', 'Al-Dhamari'], ['الإبي', 'Al-Ibbi'], ['المحويتي', 'Al-Mahwiti'], ['الشبامي', 'Al-Shibami'],
];

export interface PersonName { ar: string; latin: string }

/** First, father's and family name, as a customer is registered ("محمد علي الحداد"). */
export function personName(rnd: () => number): PersonName {
  const [a1, l1] = pick(rnd, FIRST_NAMES);
  const [a2, l2] = pick(rnd, FIRST_NAMES.slice(0, 22)); // fathers' names: the men's names of the list
  const [a3, l3] = pick(rnd, FAMILY_NAMES);
  return { ar: `${a1} ${a2} ${a3}`, latin: `${l1} ${l2} ${l3}` };
}

/** A Yemeni mobile number (77/73/71/70 and seven digits). */
export function phone(rnd: () => number): string {
  return `${pick(rnd, ['77', '73', '71', '70'])}${String(Math.floor(rnd() * 10_000_000)).padStart(7, '0')}`;
}

/** An 11-digit STS meter number: manufacturer code, 8-digit serial, Luhn digit (valid for isValidMeterNumber). */
export function stsMeterNumber(manufacturer: string, serial: number): string {
  const body = `${manufacturer}${String(serial).padStart(8, '0')}`;
  return `${body}${luhnDigit(body)}`;
}

/** A 12-digit Acrel cloud meter number (year of the batch and a serial), the shape of the demo's. */
export function acrelMeterNumber(serial: number): string {
  return `2024${String(serial).padStart(8, '0')}`;
}

/** A UUID v4 from the PRNG: sale ids must be deterministic too. */
export function uuid(rnd: () => number): string {
  const hex = (n: number) => Math.floor(rnd() * 16 ** n).toString(16).padStart(n, '0');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${(8 + Math.floor(rnd() * 4)).toString(16)}${hex(3)}-${hex(6)}${hex(6)}`;
}

/** 20 decimal digits, the shape of an STS token. */
export function tokenDigits(rnd: () => number): string {
  let s = '';
  for (let i = 0; i < 4; i++) s += String(Math.floor(rnd() * 100_000)).padStart(5, '0');
  return s;
}
