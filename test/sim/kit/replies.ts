// Answers a simulator handler gives back, in the protocol's shapes (PROTOCOL.md).
import type { z } from 'zod';

export interface SimReply {
  status: number;
  body: unknown;
}

export const okReply = (body: unknown, status = 200): SimReply => ({ status, body });

/** The protocol's error body: a stable code and a message in both languages. */
export const fail = (status: number, code: string, en: string, ar: string): SimReply => ({
  status,
  body: { error: { code, message: { ar, en } } },
});

/** Validates a request body; a failure is the 422 a real vendor gives, naming the bad fields. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): { ok: true; value: T } | { ok: false; reply: SimReply } {
  const r = schema.safeParse(body);
  if (r.success) return { ok: true, value: r.data };
  const fields = r.error.issues.map((i) => i.path.join('.') || '(body)').join(', ');
  return { ok: false, reply: fail(422, 'BAD_REQUEST', `Invalid request: ${fields}`, `طلب غير صالح: ${fields}`) };
}
