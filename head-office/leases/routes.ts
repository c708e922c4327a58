// The console's lease pages (mounted at /console/api): who holds which meter until when (in keyset
// pages, all or one counter's or one meter's), each meter's history, and an operator's release of
// an EXPIRED lease. A lease is never released by
// hand before its expiry: the counter holding it may be offline and vending with it, and nothing
// can reach it to stop.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type pg from 'pg';
import { z } from 'zod';
import { meterNumber } from '../../preload/contract/shared';
import { leaseEvents, listLeases, releaseExpiredLease, type LeaseCursor, type LeaseRow } from '../db/leases';
import { refuse } from '../errors';
import { LeaseListQuerySchema, type LeaseEventView, type LeasePage, type LeaseReleaseAnswer, type LeaseState, type LeaseView } from './console-wire';

import type { ConsoleRole } from '../console/roles';

export interface LeaseRouteDeps {
  pool: pg.Pool;
  /** The console's sign-in check (head-office/console/guard.ts, requireRole): a preHandler for a least role. */
  guard: (role: ConsoleRole) => preHandlerAsyncHookHandler;
  /** Who the signed-in user is, for the release's record (default: "console"). */
  userOf?: (req: FastifyRequest) => string;
  now?: () => number;
}

const MeterParams = z.object({ meter: meterNumber }).strict();

export type { LeaseState };

export const leaseView = (l: LeaseRow, now: number): LeaseView => ({
  meter: l.meter,
  counterId: l.counterId,
  counterName: l.counterName,
  counterKey: l.counterKey,
  grantedAt: l.grantedAt.toISOString(),
  renewedAt: l.renewedAt.toISOString(),
  expiresAt: l.expiresAt.toISOString(),
  releasedAt: l.releasedAt?.toISOString() ?? null,
  releasedBy: l.releasedBy,
  state: l.releasedAt !== null ? 'released' : l.expiresAt.getTime() <= now ? 'expired' : 'held',
});

const cursorText = (c: LeaseCursor) => `${c.renewedMicros}.${c.meter}`;
function cursorOf(text: string): LeaseCursor {
  const dot = text.indexOf('.');
  return { renewedMicros: text.slice(0, dot), meter: text.slice(dot + 1) };
}

function badQuery(reply: FastifyReply, issues: z.core.$ZodIssue[]): FastifyReply {
  const fields = issues.map((i) => i.path.join('.') || '(query)').join(', ');
  return refuse(reply, 422, 'BAD_REQUEST', `Invalid request: ${fields}`, `طلب غير صالح: ${fields}`);
}

export function leaseRoutes(deps: LeaseRouteDeps): FastifyPluginAsync {
  const now = deps.now ?? Date.now;
  return async (app) => {
    app.get('/leases', { preHandler: deps.guard('viewer') }, async (req, reply) => {
      const q = LeaseListQuerySchema.safeParse(req.query);
      if (!q.success) return badQuery(reply, q.error.issues);
      const { meter, counterId, cursor, limit } = q.data;
      // One more row than asked for tells whether another page follows.
      const rows = await listLeases(deps.pool, { meter, counterId, after: cursor === undefined ? undefined : cursorOf(cursor), limit: limit + 1 });
      const page = rows.slice(0, limit);
      const t = now();
      const answer: LeasePage = {
        leases: page.map((l) => leaseView(l, t)),
        next: rows.length > limit ? cursorText(page.at(-1)!.cursor) : null,
        serverTime: new Date(t).toISOString(),
      };
      return answer;
    });

    app.get('/leases/:meter/events', { preHandler: deps.guard('viewer') }, async (req, reply) => {
      const p = MeterParams.safeParse(req.params);
      if (!p.success) return badQuery(reply, p.error.issues);
      const events = await leaseEvents(deps.pool, p.data.meter, 500);
      return { events: events.map((e): LeaseEventView => ({ ...e, at: e.at.toISOString(), expiresAt: e.expiresAt?.toISOString() ?? null })) };
    });

    app.post('/leases/:meter/release', { preHandler: deps.guard('operator') }, async (req, reply) => {
      const p = MeterParams.safeParse(req.params);
      if (!p.success) return badQuery(reply, p.error.issues);
      const by = `operator:${(deps.userOf?.(req) ?? 'console').slice(0, 110)}`;
      const r = await releaseExpiredLease(deps.pool, p.data.meter, new Date(now()), by);
      if (!r.lease) return refuse(reply, 404, 'NO_SUCH_LEASE', `Meter ${p.data.meter} has never been leased`, `العداد ${p.data.meter} لم يُحجز قط`);
      if (!r.released && r.lease.releasedAt === null) {
        const until = r.lease.expiresAt.toISOString();
        return refuse(reply, 409, 'LEASE_NOT_EXPIRED',
          `Counter "${r.lease.counterName}" holds meter ${p.data.meter} until ${until}; it may be offline and selling with it, so it can be released only after then`,
          `نقطة البيع "${r.lease.counterName}" تحجز العداد ${p.data.meter} حتى ${until}؛ وقد تكون تبيع به دون اتصال، فلا يمكن إلغاء الحجز إلا بعد ذلك`);
      }
      req.log.info({ meter: p.data.meter, by, released: r.released }, 'lease released by an operator');
      const answer: LeaseReleaseAnswer = { released: r.released, lease: leaseView(r.lease, now()) };
      return answer;
    });
  };
}
