// What a counter reports beyond its sales. POST /api/v1/z-reports: a counter's closed shift. The report must be the one its hash names
// (the counter hashed it at close and chained the hash into its audit log); it is kept byte for
// byte, once per counter and Z number. A repeat is answered like the first; another report under
// the same number is refused for good (409): the counter's history was altered.
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type pg from 'pg';
import { PushDeadLetterRequestSchema, PushZReportRequestSchema } from '../main/vendors/head-office/wire';
import { ZReportSchema } from '../preload/contract';
import { storeZReport } from './db/z-reports';
import { storeDeadLetter } from './db/dead-letters';
import { refuse } from './errors';
import { readBody } from './body';
import type { AuthedCounter } from './auth';

const StoredReport = ZReportSchema.omit({ hash: true });

export async function receiveZReport(pool: pg.Pool, counter: AuthedCounter, req: FastifyRequest, reply: FastifyReply) {
  const data = readBody(req, reply, PushZReportRequestSchema);
  if (data === null) return reply;
  if (createHash('sha256').update(data.reportJson).digest('hex') !== data.hash) {
    return refuse(reply, 422, 'Z_REPORT_HASH', 'The Z report does not match its hash', 'تقرير Z لا يطابق بصمته');
  }
  let z;
  try {
    z = StoredReport.parse(JSON.parse(data.reportJson));
  } catch {
    return refuse(reply, 422, 'BAD_REQUEST', 'Invalid Z report', 'تقرير Z غير صالح');
  }
  const stored = await storeZReport(pool, counter.id, {
    zNo: z.zNo, hash: data.hash, reportJson: data.reportJson, closedAt: z.closedAt, cashier: z.shift.cashier, currency: z.currency,
    expectedCashMinor: z.expectedCashMinor, countedCashMinor: z.countedCashMinor, varianceMinor: z.varianceMinor,
    salesCount: z.totals.salesCount, chargedMinor: z.totals.chargedMinor,
  });
  if (stored === 'changed') {
    req.log.warn({ counter: counter.name, zNo: z.zNo }, 'a different Z report under a stored number refused');
    return refuse(reply, 409, 'Z_REPORT_CHANGED', `Z report No. ${z.zNo} was already received with other contents`, `تقرير Z رقم ${z.zNo} وصل من قبل بمحتوى آخر`);
  }
  req.log.info({ counter: counter.name, zNo: z.zNo, stored }, 'Z report received');
  return { zNo: z.zNo, stored };
}

/** POST /api/v1/dead-letters: a counter's dead letter, its latest reported state kept. */
export async function receiveDeadLetter(pool: pg.Pool, counter: AuthedCounter, req: FastifyRequest, reply: FastifyReply) {
  const data = readBody(req, reply, PushDeadLetterRequestSchema);
  if (data === null) return reply;
  const stored = await storeDeadLetter(pool, counter.id, data);
  req.log.info({ counter: counter.name, outboxId: data.outboxId, state: data.state, stored }, 'dead letter reported');
  return { outboxId: data.outboxId, stored };
}
