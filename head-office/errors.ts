// The protocol's error body (main/vendors/PROTOCOL.md): a stable code and a message in both
// languages, which the counter shows the cashier as it is.
import type { FastifyReply } from 'fastify';
import type { VerifyFailure } from '../main/vendors/signing';

export interface ErrorDetail {
  code: string;
  message: { ar: string; en: string };
}

export const errorBody = (code: string, en: string, ar: string): { error: ErrorDetail } => ({ error: { code, message: { ar, en } } });

export function refuse(reply: FastifyReply, status: number, code: string, en: string, ar: string): FastifyReply {
  return reply.code(status).send(errorBody(code, en, ar));
}

/** The same words as the simulator's (test/sim/kit/http-sim.ts), plus a revoked counter. */
export const AUTH_TEXT: Record<VerifyFailure | 'COUNTER_REVOKED', { en: string; ar: string }> = {
  MISSING_AUTH: { en: 'Authentication headers are missing', ar: 'ترويسات المصادقة مفقودة' },
  BAD_API_KEY: { en: 'Unknown API key', ar: 'مفتاح الواجهة غير معروف' },
  BAD_MERCHANT: { en: 'The merchant id does not match the API key', ar: 'رقم التاجر لا يطابق مفتاح الواجهة' },
  STALE_TIMESTAMP: { en: 'The request time is too far from the server clock; check the counter clock', ar: 'وقت الطلب بعيد عن ساعة الخادم؛ تحقق من ساعة نقطة البيع' },
  BAD_SIGNATURE: { en: 'The request signature is wrong; check the API secret', ar: 'توقيع الطلب غير صحيح؛ تحقق من السر' },
  COUNTER_REVOKED: { en: 'This counter was revoked at the head office; ask the head office to enrol it again', ar: 'أُلغي تسجيل نقطة البيع هذه في المكتب الرئيسي؛ اطلب من المكتب الرئيسي تسجيلها من جديد' },
};
