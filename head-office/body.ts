// A request's JSON body, checked with its wire schema (the counters' own, main/vendors/head-office/wire.ts).
// The body arrives as bytes (a signature covers exactly those) and is parsed only here.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { refuse } from './errors';

/** The body, valid; or null once the refusal (400 not JSON, 422 naming the bad fields) has been sent. */
export function readBody<T>(req: FastifyRequest, reply: FastifyReply, schema: z.ZodType<T>): T | null {
  let json: unknown;
  try {
    json = JSON.parse((req.body as Buffer | undefined)?.toString('utf8') ?? '');
  } catch {
    refuse(reply, 400, 'BAD_JSON', 'The request body is not JSON', 'نص الطلب ليس بصيغة JSON');
    return null;
  }
  const p = schema.safeParse(json);
  if (p.success) return p.data;
  const fields = p.error.issues.map((i) => i.path.join('.') || '(body)').join(', ');
  refuse(reply, 422, 'BAD_REQUEST', `Invalid request: ${fields}`, `طلب غير صالح: ${fields}`);
  return null;
}
