// The counters, for the console: everyone signed in sees them; an operator makes a one-time
// enrolment code (shown in this answer only); an administrator revokes a counter.
import type { FastifyPluginAsync } from 'fastify';
import { readBody } from '../body';
import { listCounters, revokeCounterById, type CounterRow } from '../db/counters';
import { createEnrolmentCode } from '../enrolment';
import { refuse } from '../errors';
import { requireRole } from './guard';
import { CounterIdParamsSchema, EnrolmentCodeRequestSchema, type CounterView, type IssuedEnrolmentCode } from './wire';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const counterView = (c: CounterRow): CounterView => ({
  id: c.id, name: c.name, apiKey: c.apiKey, createdAt: c.createdAt.toISOString(), enrolledAt: iso(c.enrolledAt), lastSeenAt: iso(c.lastSeenAt),
  appVersion: c.appVersion, pendingSales: c.pendingSales, unknownSales: c.unknownSales, countsReportedAt: iso(c.countsReportedAt), revokedAt: iso(c.revokedAt),
});

export function counterRoutes(): FastifyPluginAsync {
  return async (app) => {
    const { pool } = app.consoleSessions;

    app.get('/counters', { preHandler: requireRole('viewer') }, async () => ({ counters: (await listCounters(pool)).map(counterView) }));

    app.post('/enrolment-codes', { preHandler: requireRole('operator') }, async (req, reply) => {
      const body = readBody(req, reply, EnrolmentCodeRequestSchema);
      if (body === null) return reply;
      const issued = await createEnrolmentCode(pool, { counterName: body.counterName, createdBy: `console:${req.consoleUser!.username}`, validHours: body.validHours });
      req.log.info({ by: req.consoleUser!.username, counter: issued.counterName }, 'enrolment code made');
      // The code is in this answer only: no cache may keep it.
      reply.header('cache-control', 'no-store');
      const answer: IssuedEnrolmentCode = { code: issued.code, counterName: issued.counterName, expiresAt: issued.expiresAt.toISOString() };
      return reply.code(201).send(answer);
    });

    app.post('/counters/:id/revoke', { preHandler: requireRole('admin') }, async (req, reply) => {
      const p = CounterIdParamsSchema.safeParse(req.params);
      if (!p.success) return refuse(reply, 422, 'BAD_REQUEST', 'Invalid request: id', 'طلب غير صالح: id');
      const c = await revokeCounterById(pool, p.data.id);
      if (!c) return refuse(reply, 404, 'NO_SUCH_COUNTER', 'No such counter', 'لا توجد نقطة بيع بهذا الرقم');
      req.log.info({ by: req.consoleUser!.username, counter: c.name }, 'counter revoked');
      return counterView(c);
    });
  };
}
