// A Shahn on an EMPTY data folder (no demo seed): the first run. Helpers to expect a refusal.
import { expect } from 'vitest';
import type { RpcError } from '../../../preload/contract';
import { startHarness, type Harness } from '../../helpers/harness';

export const startEmpty = (dataDir?: string): Promise<Harness> => startHarness({ seed: false, ...(dataDir ? { dataDir } : {}) });

const ARABIC = /[\u0600-\u06FF]/;

/** The call is refused with `code`, in both languages; returns the error. */
export async function refused(h: Harness, channel: string, input: unknown, code: RpcError['code'], token?: string | null): Promise<RpcError> {
  const r = await h.raw(channel, input, token ?? null);
  expect(r.ok, `${channel} ${JSON.stringify(input)?.slice(0, 120)} was accepted`).toBe(false);
  if (r.ok) throw new Error('unreachable');
  expect(r.error.code, `${channel}: ${r.error.message.en}`).toBe(code);
  expect(r.error.message.ar).toMatch(ARABIC);
  expect(r.error.message.en.length).toBeGreaterThan(10);
  return r.error;
}

/** The fields a BAD_INPUT names (the step's own rules name fields, not zod paths). */
export const fieldsOf = (e: RpcError) => e.issues ?? [];

/** A first admin as the flow sends it. */
export const ADMIN = { username: 'amina', displayName: 'أمينة الشامي', displayNameLatin: 'Amina Al-Shami', pin: '2580', pinConfirm: '2580' } as const;
