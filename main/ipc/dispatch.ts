// The single entry point for every contract call, whatever the transport (Electron IPC, the
// browser host's HTTP, tests): validate the input, check the role, run the handler, map errors.
import { contract, CHANNELS, type Channel, type Role, type RpcError } from '../../preload/contract';
import type { Session } from '../auth/sessions';
import { AppError, err } from '../errors';
import type { Handlers } from './handlers';

const RANK: Record<Role, number> = { cashier: 1, supervisor: 2, admin: 3 };

export interface CallContext {
  token?: string;
  session: Session | null;
}

export type CallResult = { ok: true; value: unknown } | { ok: false; error: RpcError };

const isChannel = (c: string): c is Channel => (CHANNELS as string[]).includes(c);

export function createDispatcher(handlers: Handlers, opts: { validateOutputs: boolean; log: { error(o: object, m: string): void } }) {
  return async function dispatch(channelName: string, rawInput: unknown, ctx: CallContext): Promise<CallResult> {
    try {
      if (!isChannel(channelName)) throw err('NOT_FOUND', `Unknown operation "${channelName}".`, `عملية غير معروفة "${channelName}".`);
      const def = contract[channelName];
      if (def.role !== 'public') {
        if (!ctx.session) throw err('UNAUTHENTICATED', 'Please log in again.', 'يرجى تسجيل الدخول مرة أخرى.');
        if (RANK[ctx.session.user.role] < RANK[def.role]) {
          throw err('FORBIDDEN', 'Your role is not allowed to do this. Ask a supervisor.', 'صلاحيتك لا تسمح بهذا الإجراء. اطلب من المشرف.');
        }
      }
      const parsed = def.input.safeParse(rawInput ?? {});
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`);
        throw err('BAD_INPUT', `The request is not valid: ${issues.join('; ')}`, `الطلب غير صالح: ${issues.join('؛ ')}`, issues);
      }
      const handler = handlers[channelName] as (input: unknown, ctx: CallContext) => unknown;
      const value = await handler(parsed.data, ctx);
      if (opts.validateOutputs) {
        const out = def.output.safeParse(value);
        if (!out.success) throw new Error(`output of ${channelName} breaks the contract: ${out.error.message}`);
      }
      return { ok: true, value };
    } catch (e) {
      if (e instanceof AppError) return { ok: false, error: { code: e.code, message: e.bilingual, ...(e.issues ? { issues: e.issues } : {}) } };
      opts.log.error({ channel: channelName, err: (e as Error).message, stack: (e as Error).stack }, 'internal error');
      return { ok: false, error: { code: 'INTERNAL', message: { en: 'Something went wrong inside Shahn. The sale data is safe; try again.', ar: 'حدث خطأ داخلي في شحن. بيانات البيع محفوظة؛ حاول مرة أخرى.' } } };
    }
  };
}
export type Dispatch = ReturnType<typeof createDispatcher>;
