// Shared by the cashier's-day integration tests: calls as a given user, and error checks.
import { expect } from 'vitest';
import type { Channel, ChannelInput, ChannelOutput, RpcError } from '../../../preload/contract';
import { RpcFailure, type Harness } from '../../helpers/harness';
import { withConfirmation, type SellInput, type Unconfirmed } from '../../helpers/confirm';

export const PINS = { cashier: '1111', supervisor: '2222', admin: '9999' } as const;
export type Who = keyof typeof PINS;

export interface Users { call<C extends Channel>(who: Who | string, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>; token(who: Who): string; fail(who: Who | string, channel: Channel, input: unknown): Promise<RpcError>; confirmed(who: Who, input: Unconfirmed): Promise<SellInput> }

/** Logs the three demo users in (each its own session) and calls channels as any of them (or a raw token). */
export async function users(h: Harness): Promise<Users> {
  const tokens = {} as Record<Who, string>;
  for (const who of Object.keys(PINS) as Who[]) tokens[who] = await h.login(who, PINS[who]);
  const tok = (who: Who | string) => (who in tokens ? tokens[who as Who] : who);
  const u: Users = {
    token: (who) => tokens[who],
    /** A sales.sell input with the confirmation of the quote `who` was shown (issue 12). */
    confirmed: (who, input) => withConfirmation((q) => u.call(who, 'sales.quote', q), input),
    async call(who, channel, input) {
      const r = await h.raw(channel, input, tok(who));
      if (!r.ok) throw new RpcFailure(r.error);
      return r.value as never;
    },
    async fail(who, channel, input) {
      const r = await h.raw(channel, input, tok(who));
      expect(r.ok, `${channel} should have failed`).toBe(false);
      if (r.ok) throw new Error('unreachable');
      expect(r.error.message.ar).toMatch(/[\u0600-\u06FF]/);
      expect(r.error.message.en.length).toBeGreaterThan(5);
      return r.error;
    },
  };
  return u;
}

/** A real counter's setting: no sale without an open shift (the demo seed turns it off). */
export async function requireShifts(u: Users, on = true): Promise<void> {
  expect(await u.call('admin', 'shifts.saveSettings', { requireShift: on })).toEqual({ requireShift: on });
}
