// The single entry point for every contract call, whatever the transport (Electron IPC, the
// browser host's HTTP, tests): check the role, validate the input, run the handler, map errors.
// The role is checked BEFORE the input is parsed, so a caller without the right session learns
// nothing about a channel's input shape. Nothing the caller sends is echoed back at length.
import { contract, CHANNELS, roleAtLeast, type Channel, type RpcError } from '../../preload/contract';
import { AppError, err } from '../common/errors';
import type { CallContext, Handlers } from './handlers';

export type CallResult = { ok: true; value: unknown } | { ok: false; error: RpcError };

const isChannel = (c: unknown): c is Channel => typeof c === 'string' && (CHANNELS as string[]).includes(c);
/** A caller-supplied name, made safe to put in a message (bounded, printable). */
const shown = (s: unknown) => String(typeof s === 'string' ? s : typeof s).replace(/[^\p{L}\p{N}._-]/gu, '?').slice(0, 64);

export interface DispatchOptions {
  validateOutputs: boolean;
  log: { error(o: object, m: string): void };
  /** Runs after the role check and before the input is read; throws (an AppError) to refuse the call. */
  gate?: (channel: Channel) => void;
}

export function createDispatcher(handlers: Handlers, opts: DispatchOptions) {
  return async function dispatch(channelName: string, rawInput: unknown, ctx: CallContext): Promise<CallResult> {
    try {
      if (!isChannel(channelName)) throw err('NOT_FOUND', `Unknown operation "${shown(channelName)}".`, `عملية غير معروفة "${shown(channelName)}".`);
      const def = contract[channelName];
      if (def.role !== 'public') {
        if (!ctx.session) throw err('UNAUTHENTICATED', 'Please log in again.', 'يرجى تسجيل الدخول مرة أخرى.');
        if (!roleAtLeast(ctx.session.user.role, def.role)) {
          throw err('FORBIDDEN', 'Your role is not allowed to do this. Ask a supervisor.', 'صلاحيتك لا تسمح بهذا الإجراء. اطلب من المشرف.');
        }
      }
      opts.gate?.(channelName);
      const parsed = def.input.safeParse(rawInput ?? {});
      if (!parsed.success) {
        // Bounded: an input with thousands of bad keys must not produce a megabyte of error text.
        const issues = parsed.error.issues.slice(0, 10).map((i) => `${i.path.map((k) => shown(String(k))).join('.') || '(input)'}: ${i.message}`.slice(0, 200));
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
      if (e instanceof AppError) return { ok: false, error: { code: e.code, message: e.bilingual, ...(e.issues ? { issues: e.issues } : {}), ...(e.quote ? { quote: e.quote } : {}) } };
      opts.log.error({ channel: shown(channelName), err: e instanceof Error ? e.message : String(e), stack: e instanceof Error ? e.stack : undefined }, 'internal error');
      return { ok: false, error: { code: 'INTERNAL', message: { en: 'Something went wrong inside Shahn. The sale data is safe; try again.', ar: 'حدث خطأ داخلي في شحن. بيانات البيع محفوظة؛ حاول مرة أخرى.' } } };
    }
  };
}
export type Dispatch = ReturnType<typeof createDispatcher>;
