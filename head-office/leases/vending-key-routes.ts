// The console's Vending keys page (mounted at /console/api, administrators only): the supply
// groups' keys the head office holds, by their attributes and check values; a key file checked
// (nothing stored) so the administrator can compare its KCV with the key certificate, then loaded
// with the KCV they read there, as a new key or as the replacement of the one in use; a key
// retired. The key file's text arrives in a request body and goes nowhere else: it is not logged,
// not stored but sealed, not answered.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type pg from 'pg';
import { readBody } from '../body';
import { activeVendingKey, listVendingKeys, retireVendingKey, type VendingKeyRow } from '../db/vending-keys';
import { refuse } from '../errors';
import type { ConsoleRole } from '../console/roles';
import {
  KeyFileCheckRequestSchema, KeyLoadRequestSchema, VendingKeyIdParamsSchema,
  type KeyFileCheck, type KeyLoadAnswer, type VendingKeyState, type VendingKeyView,
} from './console-wire';
import { keyExpired } from './key-day';
import { checkVendingKeyFile, KeyLoadError, loadVendingKeyFile } from './vending-keys';

export interface VendingKeyRouteDeps {
  pool: pg.Pool;
  sealingKey: Buffer;
  guard: (role: ConsoleRole) => preHandlerAsyncHookHandler;
  /** Who the signed-in user is, for the key's record. */
  userOf: (req: FastifyRequest) => string;
  now?: () => number;
  /** HEAD_OFFICE_TIME_ZONE: a key's last day ends there (default UTC). */
  timeZone?: string;
}

export function vendingKeyView(k: VendingKeyRow, now: number, timeZone = 'UTC'): VendingKeyView {
  // Expired once its last day ended, as vendingKeyState (grant.ts) judges it when leasing.
  const state: VendingKeyState = k.retiredAt !== null ? 'retired' : keyExpired(k.expiresOn, new Date(now), timeZone) ? 'expired' : 'in-use';
  return {
    id: k.id, sgc: k.sgc, krn: k.krn, keyType: k.keyType, baseDate: k.baseDate, ea: k.ea, dkga: k.dkga, expiresOn: k.expiresOn, kcv: k.kcv,
    loadedBy: k.loadedBy, loadedAt: k.loadedAt.toISOString(), retiredAt: k.retiredAt?.toISOString() ?? null, retiredBy: k.retiredBy, state,
  };
}

function refuseKeyFile(reply: FastifyReply, e: unknown): FastifyReply {
  if (!(e instanceof KeyLoadError)) throw e;
  return refuse(reply, e.code === 'KEY_IN_USE' ? 409 : 422, e.code, e.en, e.ar);
}

export function vendingKeyRoutes(deps: VendingKeyRouteDeps): FastifyPluginAsync {
  const now = deps.now ?? Date.now;
  const by = (req: FastifyRequest) => `console:${deps.userOf(req)}`.slice(0, 128);
  return async (app) => {
    app.get('/vending-keys', { preHandler: deps.guard('admin') }, async () => {
      const t = now();
      return { keys: (await listVendingKeys(deps.pool)).map((k) => vendingKeyView(k, t, deps.timeZone)) };
    });

    app.post('/vending-keys/check', { preHandler: deps.guard('admin') }, async (req, reply) => {
      const body = readBody(req, reply, KeyFileCheckRequestSchema);
      if (body === null) return reply;
      const t = now();
      let checked;
      try {
        checked = checkVendingKeyFile(body.keyFile, new Date(t), deps.timeZone);
      } catch (e) {
        return refuseKeyFile(reply, e);
      }
      const inUse = await activeVendingKey(deps.pool, checked.attributes.sgc, checked.attributes.krn);
      const answer: KeyFileCheck = { ...checked, inUse: inUse ? vendingKeyView(inUse, t, deps.timeZone) : null };
      reply.header('cache-control', 'no-store');
      return answer;
    });

    app.post('/vending-keys', { preHandler: deps.guard('admin') }, async (req, reply) => {
      const body = readBody(req, reply, KeyLoadRequestSchema);
      if (body === null) return reply;
      const t = now();
      let r;
      try {
        r = await loadVendingKeyFile(deps.pool, deps.sealingKey, body.keyFile, { by: by(req), replace: body.replace, now: new Date(t), timeZone: deps.timeZone, certificateKcv: body.certificateKcv });
      } catch (e) {
        return refuseKeyFile(reply, e);
      }
      // Attributes and check values only: the key file's text is never logged.
      req.log.info({ by: by(req), sgc: r.row.sgc, krn: r.row.krn, kcv: r.row.kcv, replacedKcv: r.replaced?.kcv ?? null }, 'vending key loaded from the console');
      const answer: KeyLoadAnswer = { key: vendingKeyView(r.row, t, deps.timeZone), replaced: r.replaced ? vendingKeyView(r.replaced, t, deps.timeZone) : null };
      return reply.code(201).send(answer);
    });

    app.post('/vending-keys/:id/retire', { preHandler: deps.guard('admin') }, async (req, reply) => {
      const p = VendingKeyIdParamsSchema.safeParse(req.params);
      if (!p.success) return refuse(reply, 422, 'BAD_REQUEST', 'Invalid request: id', 'طلب غير صالح: id');
      const r = await retireVendingKey(deps.pool, p.data.id, by(req));
      if (!r.row) return refuse(reply, 404, 'NO_SUCH_KEY', 'No such vending key', 'لا يوجد مفتاح شحن بهذا الرقم');
      if (!r.retired) {
        return refuse(reply, 409, 'KEY_ALREADY_RETIRED', `The key with KCV ${r.row.kcv} was already retired`, `المفتاح ذو قيمة التحقق ${r.row.kcv} موقوف من قبل`);
      }
      req.log.info({ by: by(req), sgc: r.row.sgc, krn: r.row.krn, kcv: r.row.kcv }, 'vending key retired from the console');
      return { key: vendingKeyView(r.row, now(), deps.timeZone) };
    });
  };
}
