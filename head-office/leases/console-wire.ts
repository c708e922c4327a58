// What the console's Leases and Vending keys pages and their routes say to each other: the zod
// schemas the service validates with, and the types the browser app reads the answers as. Never
// a vending key: a key file goes up once, in a request body, and only its check value comes back.
import { z } from 'zod';

export const LEASE_STATES = ['held', 'expired', 'released'] as const;
export type LeaseState = (typeof LEASE_STATES)[number];

export const LEASE_PAGE_MAX = 500;

export const LeaseListQuerySchema = z.object({
  meter: z.string().trim().min(1).max(32).optional(),
  counterId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  /** The previous page's `next`, as given: the last lease's renewal (µs since 1970) and meter. */
  cursor: z.string().regex(/^\d{1,20}\.[^]{1,32}$/).optional(),
  limit: z.coerce.number().int().min(1).max(LEASE_PAGE_MAX).default(200),
}).strict();

export interface LeaseView {
  meter: string;
  counterId: number;
  counterName: string;
  counterKey: string;
  grantedAt: string;
  renewedAt: string;
  expiresAt: string;
  releasedAt: string | null;
  releasedBy: string | null;
  state: LeaseState;
}

export interface LeasePage {
  leases: LeaseView[];
  /** The cursor of the next page, or null: this was the last. */
  next: string | null;
  /** The head office's clock when it answered: "expires in …" is counted from it, not the browser's. */
  serverTime: string;
}

export interface LeaseEventView {
  meter: string;
  counterName: string;
  event: 'granted' | 'renewed' | 'released';
  at: string;
  expiresAt: string | null;
  by: string;
}

export interface LeaseReleaseAnswer {
  released: boolean;
  lease: LeaseView;
}

export const VENDING_KEY_STATES = ['in-use', 'expired', 'retired'] as const;
export type VendingKeyState = (typeof VENDING_KEY_STATES)[number];

export interface VendingKeyView {
  id: number;
  sgc: string;
  krn: number;
  keyType: number;
  baseDate: number;
  ea: string;
  dkga: string;
  /** The last day the key may be used (YYYY-MM-DD), or null. */
  expiresOn: string | null;
  kcv: string;
  loadedBy: string;
  loadedAt: string;
  retiredAt: string | null;
  retiredBy: string | null;
  state: VendingKeyState;
}

/** A key file is a few short lines; anything much longer is not one. */
export const KEY_FILE_MAX = 4096;
const KeyFileText = z.string().min(1).max(KEY_FILE_MAX);

export const KeyFileCheckRequestSchema = z.object({ keyFile: KeyFileText }).strict();

export const KeyLoadRequestSchema = z.object({
  keyFile: KeyFileText,
  /** The KCV printed on the key certificate, typed by the administrator: the key must have it. */
  certificateKcv: z.string().trim().regex(/^[0-9A-Fa-f]{6}$/),
  /** Retire the key in use for the same SGC and KRN; without it, such a key makes this a refusal. */
  replace: z.boolean().default(false),
}).strict();

export const VendingKeyIdParamsSchema = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) }).strict();

/** A key file checked, nothing stored: its attributes, the key's check value, and the key it would replace. */
export interface KeyFileCheck {
  attributes: { sgc: string; krn: number; keyType: number; baseDate: number; ea: string; dkga: string; expiresOn: string | null };
  kcv: string;
  /** The KCV written in the file (already compared with the key), or null. */
  fileKcv: string | null;
  inUse: VendingKeyView | null;
}

export interface KeyLoadAnswer {
  key: VendingKeyView;
  replaced: VendingKeyView | null;
}
