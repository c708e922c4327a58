// The console's master-data routes, mounted at /console/api: list, create or change, delete and
// import the records the counters pull. Operators edit meters, customers and tariffs; only admins
// see or edit users (their PIN hashes never leave: a list shows whether a PIN is set). Who may
// call is the console's own guard (head-office/console/guard.ts), passed in, never decided here.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type pg from 'pg';
import { z } from 'zod';
import { MasterEntity, type MasterUser } from '../../main/vendors/head-office/master-data-wire';
import { readBody } from '../body';
import { DEFAULT_CURRENCY } from '../config';
import type { ConsoleRole } from '../console/guard';
import { listMasterRecords, type MasterListRow } from '../db/master-data';
import { refuse } from '../errors';
import { applyMasterEdits, EDIT_SCHEMAS, MasterDataRefusal, type MasterEdit } from './edits';
import { editsOfImport, MasterImportSchema } from './import-doc';

export interface MasterDataRouteDeps {
  pool: pg.Pool;
  /** The console's requireRole: a preHandler that refuses a caller below the role. */
  guard: (role: ConsoleRole) => preHandlerAsyncHookHandler;
  /** The counters' currency: the console shows amounts in major units with its decimals. */
  currency?: { code: string; decimals: number };
}

/** The path segment of each entity. */
export const ENTITY_PATHS: Record<MasterEntity, string> = {
  tariff_schedule: 'tariff-schedules',
  tariff_group: 'tariff-groups',
  customer: 'customers',
  meter: 'meters',
  user: 'users',
};

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');
const ListQuery = z.object({
  after: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  includeDeleted: z.enum(['true', 'false']).default('false'),
  counterId: z.coerce.number().int().positive().optional(),
  /** Text in the key or names (meters: also the customer's key, name or phone). */
  q: z.string().trim().min(1).max(64).optional(),
  kind: z.enum(['sts', 'acrel']).optional(),
  /** A schedule or group code. */
  tariff: z.string().trim().regex(/^[A-Za-z0-9_-]{1,32}$/).optional(),
  active: flag.optional(),
}).strict();
/** Filters that mean something only for some entities: elsewhere they are refused, not ignored. */
const ONLY_FOR: Record<'kind' | 'tariff' | 'active', readonly MasterEntity[]> = { kind: ['meter'], tariff: ['meter'], active: ['meter', 'user'] };
const KeyParams = z.object({ key: z.string().min(1).max(200) }).strict();

/** Who made the change, as the console's guard recorded the signed-in user. */
const actor = (req: FastifyRequest) => `console:${req.consoleUser?.username ?? 'unknown'}`;

const shown = (r: MasterListRow) => ({
  ...(r.entity === 'meter' ? { customer: r.customer } : {}),
  key: r.key, version: r.version, counterId: r.counterId, updatedAt: r.updatedAt.toISOString(), updatedBy: r.updatedBy, deleted: r.data === null,
  // A user's PIN hash stays in the database: the console only needs to know one is set.
  data: r.entity === 'user' && r.data !== null ? (({ pinHash: _h, ...u }) => ({ ...u, hasPin: true }))(r.data as MasterUser) : r.data,
});

function badQuery(reply: FastifyReply, e: z.ZodError) {
  const fields = e.issues.map((i) => i.path.join('.') || '(query)').join(', ');
  return refuse(reply, 422, 'BAD_REQUEST', `Invalid request: ${fields}`, `طلب غير صالح: ${fields}`);
}

async function apply(reply: FastifyReply, pool: pg.Pool, edits: MasterEdit[], by: string) {
  try {
    const rows = await applyMasterEdits(pool, edits, by);
    return { written: rows.map((r) => ({ entity: r.entity, key: r.key, version: r.version })) };
  } catch (e) {
    if (e instanceof MasterDataRefusal) return refuse(reply, e.status, e.code, e.en, e.ar);
    throw e;
  }
}

export const masterDataRoutes = (deps: MasterDataRouteDeps): FastifyPluginAsync => async (app) => {
  // What the console needs to read and write amounts: major units on screen, minor units on the wire.
  app.get('/master-data/money', { preHandler: deps.guard('viewer') }, async () => ({
    currency: deps.currency?.code ?? DEFAULT_CURRENCY.code, decimals: deps.currency?.decimals ?? DEFAULT_CURRENCY.decimals,
  }));

  for (const entity of MasterEntity.options) {
    const base = `/master-data/${ENTITY_PATHS[entity]}`;
    const reader = deps.guard(entity === 'user' ? 'admin' : 'viewer');
    const writer = deps.guard(entity === 'user' ? 'admin' : 'operator');

    app.get(base, { preHandler: reader }, async (req, reply) => {
      const q = ListQuery.safeParse(req.query);
      if (!q.success) return badQuery(reply, q.error);
      const misplaced = (Object.keys(ONLY_FOR) as (keyof typeof ONLY_FOR)[]).filter((f) => q.data[f] !== undefined && !ONLY_FOR[f].includes(entity));
      if (misplaced.length) {
        return refuse(reply, 422, 'BAD_REQUEST', `Invalid request: ${misplaced.join(', ')} cannot filter ${ENTITY_PATHS[entity]}`, `طلب غير صالح: ${misplaced.join(', ')} لا يصلح لتصفية ${ENTITY_PATHS[entity]}`);
      }
      const rows = await listMasterRecords(deps.pool, entity, {
        after: q.data.after ?? null, limit: q.data.limit, includeDeleted: q.data.includeDeleted === 'true', counterId: q.data.counterId,
        text: q.data.q, kind: q.data.kind, tariff: q.data.tariff, active: q.data.active,
      });
      const last = rows.at(-1);
      return { records: rows.map(shown), next: rows.length === q.data.limit && last ? last.key : null };
    });

    app.put(base, { preHandler: writer }, async (req, reply) => {
      const data = readBody(req, reply, EDIT_SCHEMAS[entity] as z.ZodType<unknown>);
      if (data === null) return reply;
      return apply(reply, deps.pool, [{ entity, data } as MasterEdit], actor(req));
    });

    app.delete(`${base}/:key`, { preHandler: writer }, async (req, reply) => {
      const p = KeyParams.safeParse(req.params);
      if (!p.success) return badQuery(reply, p.error);
      return apply(reply, deps.pool, [{ entity, key: p.data.key, delete: true }], actor(req));
    });
  }

  // Meters, customers and tariffs in bulk (operator); users are imported from a shell or added one by one by an admin.
  app.post('/master-data/import', { preHandler: deps.guard('operator') }, async (req, reply) => {
    const doc = readBody(req, reply, MasterImportSchema);
    if (doc === null) return reply;
    if (doc.users.length > 0) {
      return refuse(reply, 422, 'USERS_NOT_IMPORTED_HERE', 'Users are not imported from the console: an admin adds them one by one (or imports them with the import-master command).',
        'لا يُستورد المستخدمون من لوحة التحكم: يضيفهم مدير النظام واحداً واحداً (أو يستوردهم بأمر import-master).');
    }
    return apply(reply, deps.pool, editsOfImport(doc), actor(req));
  });
};
