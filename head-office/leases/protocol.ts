// The lease routes the counters call (signed, like every /api/v1 route): acquire or renew leases
// for a list of meters, and give leases back. Documented in test/sim/head-office.openapi.yaml.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type pg from 'pg';
import { LeaseReleaseRequestSchema, LeaseRequestSchema, type LeaseReleaseResult } from '../../main/vendors/head-office/lease-wire';
import type { AuthedCounter } from '../auth';
import { readBody } from '../body';
import { credentialsOf } from '../counters';
import { counterById } from '../db/counters';
import { refuse } from '../errors';
import { acquireLeases, giveBackLeases } from './grant';

export interface LeaseProtocolDeps {
  pool: pg.Pool;
  sealingKey: Buffer;
  leaseMs: number;
  timeZone?: string;
  now: () => number;
  signed: (req: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
}

export function registerLeaseProtocol(app: FastifyInstance, deps: LeaseProtocolDeps): void {
  app.post('/api/v1/leases', { preHandler: deps.signed }, async (req, reply) => {
    const data = readBody(req, reply, LeaseRequestSchema);
    if (data === null) return reply;
    const who = req.counter as AuthedCounter;
    const row = await counterById(deps.pool, who.id);
    // Revoked between the signature check and now: no lease.
    if (!row || row.revokedAt !== null) return refuse(reply, 401, 'COUNTER_REVOKED', 'This counter was revoked at the head office', 'أُلغي تسجيل نقطة البيع هذه في المكتب الرئيسي');
    const creds = credentialsOf(row, deps.sealingKey);
    const result = await acquireLeases(deps, { id: row.id, name: row.name, apiKey: creds.apiKey, apiSecret: creds.apiSecret }, data.meters);
    // Meter numbers and outcomes only: the sealed decoder keys stay out of the log.
    req.log.info({ counter: row.name, granted: result.granted.map((g) => g.meter), refused: result.refused.map((r) => `${r.meter}:${r.code}`) }, 'leases asked');
    reply.header('cache-control', 'no-store');
    return result;
  });

  app.post('/api/v1/leases/release', { preHandler: deps.signed }, async (req, reply) => {
    const data = readBody(req, reply, LeaseReleaseRequestSchema);
    if (data === null) return reply;
    const who = req.counter as AuthedCounter;
    const answer: LeaseReleaseResult = await giveBackLeases(deps, who, data.leases);
    req.log.info({ counter: who.name, released: answer.released, stale: answer.stale }, 'leases released');
    return answer;
  });
}
