// What each request accepts, checked before a single element is built: the NRS schema's rules
// for each value (MSNO, Currency, MsgID, PwrLmt, AccountNo, the card's fields) and ours where the
// schema allows what a counter must never send (a fraction of a minor unit, a zero amount). A bad
// value is a BAD_INPUT error with one sentence per field in Arabic and English.
import { z } from 'zod';
import type { Bilingual } from '../../../preload/contract';
import { err } from '../../common/errors';
import { UNIQUE_NUMBER_MAX } from './msg-id';

const ltr = (s: string) => `\u2066${s}\u2069`;
const noSpaceOrControl = /^[^\s\p{Cc}]+$/u;

export type RequestField =
  | 'msgId' | 'adviceReqMsgId' | 'meterNumber' | 'amountMinor' | 'payType' | 'tenderedMinor' | 'cardType' | 'holderName' | 'pan'
  | 'expiry' | 'cvNum' | 'clearingHouse' | 'account' | 'accountNo' | 'desc' | 'powerLimitW';

export const REQUEST_RULES: Record<RequestField, Bilingual> = {
  msgId: { en: 'Message ID: a 14-digit date and time and a number from 1 to 999999.', ar: 'رقم الرسالة: تاريخ ووقت من 14 خانة ورقم من 1 إلى 999999.' },
  adviceReqMsgId: { en: 'Message asked about: a 14-digit date and time and a number from 1 to 999999.', ar: 'الرسالة المستعلم عنها: تاريخ ووقت من 14 خانة ورقم من 1 إلى 999999.' },
  meterNumber: { en: 'Meter number: 3 to 13 digits.', ar: 'رقم العداد: من 3 إلى 13 رقماً.' },
  amountMinor: { en: 'Amount: a whole number of the currency\'s smallest unit, more than zero.', ar: 'المبلغ: عدد صحيح من أصغر وحدة للعملة، أكبر من صفر.' },
  payType: { en: 'Payment type: cash, card or other.', ar: 'طريقة الدفع: نقداً أو بطاقة أو غير ذلك.' },
  tenderedMinor: { en: 'Cash tendered: a whole number of the smallest unit, at least the amount.', ar: 'المبلغ المدفوع نقداً: عدد صحيح من أصغر وحدة، لا يقل عن المبلغ.' },
  cardType: { en: 'Card type: credit or debit.', ar: 'نوع البطاقة: ائتمان أو خصم.' },
  holderName: { en: 'Card holder: 1 to 40 characters, no digits.', ar: 'اسم حامل البطاقة: من 1 إلى 40 حرفاً دون أرقام.' },
  pan: { en: 'Card number: 1 to 20 characters, no spaces.', ar: 'رقم البطاقة: من 1 إلى 20 حرفاً دون مسافات.' },
  expiry: { en: `Card expiry: year and month as ${ltr('YYYYMM')}.`, ar: `انتهاء البطاقة: السنة والشهر بالشكل ${ltr('YYYYMM')}.` },
  cvNum: { en: 'Card verification number: 1 to 10 digits.', ar: 'رمز التحقق من البطاقة: من 1 إلى 10 أرقام.' },
  clearingHouse: { en: 'Card association: 1 to 80 characters (for example VISA).', ar: `جهة البطاقة: من 1 إلى 80 حرفاً (مثل ${ltr('VISA')}).` },
  account: { en: 'Account: an account number or a meter number, and what is paid (account, debt recovery or service charge).', ar: 'الحساب: رقم حساب أو رقم عداد، وما يُدفع (حساب أو استرداد دين أو رسوم خدمة).' },
  accountNo: { en: 'Account number: 1 to 20 characters, no spaces.', ar: 'رقم الحساب: من 1 إلى 20 حرفاً دون مسافات.' },
  desc: { en: 'Description: at most 160 characters.', ar: 'الوصف: 160 حرفاً على الأكثر.' },
  powerLimitW: { en: 'Power limit: whole hundreds of watts from 100 to 999900 (the server takes kilowatts with one decimal).', ar: 'حد القدرة: مئات كاملة من الواط من 100 إلى 999900 (يأخذ الخادم الكيلوواط بخانة عشرية واحدة).' },
};

const minor = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const MsgIdInput = z.object({
  dateTime: z.string().regex(/^\d{14}$/),
  uniqueNumber: z.number().int().min(1).max(UNIQUE_NUMBER_MAX),
}).strict();

// MSNO is (\S){3,13}; STS meter numbers are digits.
export const MeterNumber = z.string().regex(/^\d{3,13}$/);

export const Cash = z.object({ kind: z.literal('cash'), tenderedMinor: minor }).strict();
// Card is abstract in the schema: CreditCard or DebitCard, each with every one of these fields.
export const Card = z.object({
  kind: z.literal('card'),
  cardType: z.enum(['credit', 'debit']),
  holderName: z.string().regex(/^\D{1,40}$/).refine((s) => !/\p{Cc}/u.test(s)),
  pan: z.string().max(20).regex(noSpaceOrControl),
  expiry: z.string().regex(/^\d{4}(0[1-9]|1[0-2])$/),
  cvNum: z.string().regex(/^\d{1,10}$/),
  clearingHouse: z.string().min(1).max(80).refine((s) => !/\p{Cc}/u.test(s)),
}).strict();
// "Unknown" in the schema: a payment type the server need not be told.
export const Other = z.object({ kind: z.literal('other') }).strict();
export const PayType = z.discriminatedUnion('kind', [Cash, Card, Other]);
export type PayType = z.infer<typeof PayType>;

const tenderCovers = (v: { amountMinor: number; payType?: PayType }) => v.payType?.kind !== 'cash' || v.payType.tenderedMinor >= v.amountMinor;

export const MeterInput = z.object({ meterNumber: MeterNumber }).strict();
export type MeterInput = z.infer<typeof MeterInput>;

export const VendInput = z.object({ meterNumber: MeterNumber, amountMinor: minor, payType: PayType.optional() }).strict()
  .refine(tenderCovers, { path: ['payType', 'tenderedMinor'] });
export type VendInput = z.infer<typeof VendInput>;

/** What is paid (the PayAccount type) and the account it is paid into. */
export const PayAccountInput = z.object({
  kind: z.enum(['account', 'debtRecovery', 'serviceCharge']),
  desc: z.string().max(160).refine((s) => !/\p{Cc}/u.test(s)).optional(),
  // CustAccountNo@accNo is AccountNo, (\S){0,20}; an empty one identifies nothing.
  accountNo: z.string().max(20).regex(noSpaceOrControl).optional(),
  meterNumber: MeterNumber.optional(),
}).strict().refine((a) => (a.accountNo === undefined) !== (a.meterNumber === undefined), { path: ['account'] });

export const PayAccInput = z.object({ amountMinor: minor, payType: PayType.optional(), account: PayAccountInput }).strict()
  .refine(tenderCovers, { path: ['payType', 'tenderedMinor'] });
export type PayAccInput = z.infer<typeof PayAccInput>;

export const AdviceInput = z.object({ adviceReqMsgId: MsgIdInput }).strict();
export type AdviceInput = z.infer<typeof AdviceInput>;

// PwrLmtValue: (\d){1,3}\.(\d){1} kilowatts, so watts in whole hundreds (never rounded here).
export const PwrLmtInput = z.object({
  meterNumber: MeterNumber,
  powerLimitW: z.number().int().min(100).max(999_900).refine((w) => w % 100 === 0),
}).strict();
export type PwrLmtInput = z.infer<typeof PwrLmtInput>;

/** The input, checked; a BAD_INPUT error naming each bad field otherwise. */
export function checkRequest<S extends z.ZodType>(schema: S, input: unknown, what: string): z.infer<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const fields: RequestField[] = [];
  for (const issue of r.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      const names = issue.keys.map((k) => [...issue.path.map(String), k].join('.')).join(', ');
      throw err('BAD_INPUT', `XMLVend ${what}: ${names} is not part of this request.`, `طلب XMLVend ‏(${ltr(what)}): ${ltr(names)} ليس من هذا الطلب.`, issue.keys);
    }
    // The deepest named field: payType.tenderedMinor reads as tenderedMinor, account.accountNo as accountNo.
    const field = [...issue.path].reverse().map(String).find((p): p is RequestField => p in REQUEST_RULES);
    if (field === undefined) {
      throw err('BAD_INPUT', `XMLVend ${what}: the request's details are missing.`, `طلب XMLVend ‏(${ltr(what)}): تفاصيل الطلب ناقصة.`);
    }
    if (!fields.includes(field)) fields.push(field);
  }
  const msgs = fields.map((f) => REQUEST_RULES[f]);
  throw err('BAD_INPUT', msgs.map((m) => m.en).join(' '), msgs.map((m) => m.ar).join(' '), fields);
}
