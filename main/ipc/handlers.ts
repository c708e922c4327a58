// The handler map's types and the one call context. Each namespace's handlers live in one file,
// main/<domain>/handlers.ts, typed as exactly that namespace's slice of the map (NamespaceHandlers),
// so a channel can be answered in one place only; app/create-app.ts joins the slices into Handlers.
// Handlers receive already-validated input (ipc/dispatch.ts) and return the contract's output.
import type { z } from 'zod';
import type { Channel, ChannelOutput, Contract, User } from '../../preload/contract';
import { err } from '../common/errors';

/** Who is calling: the session of the token the call carried (null for a caller not logged in). */
export interface CallContext {
  token?: string;
  session: { user: User } | null;
}

export type Handler<C extends Channel> = (input: z.output<Contract[C]['input']>, ctx: CallContext) => ChannelOutput<C> | Promise<ChannelOutput<C>>;

export type Handlers = { [C in Channel]: Handler<C> };

/** The namespace of a channel: the part before the first dot ("meters" of "meters.status"). */
export type Namespace = Channel extends `${infer N}.${string}` ? N : never;

/** Exactly the channels of the given namespaces, each with its handler. */
export type NamespaceHandlers<N extends Namespace> = { [C in Extract<Channel, `${N}.${string}`>]: Handler<C> };

/**
 * The logged-in user of a call. The dispatcher has already refused a channel that needs a session
 * when there is none; this is the same refusal for code that runs without the dispatcher.
 */
export function requireUser(ctx: CallContext): User {
  if (!ctx.session) throw err('UNAUTHENTICATED', 'Please log in again.', 'يرجى تسجيل الدخول مرة أخرى.');
  return ctx.session.user;
}
