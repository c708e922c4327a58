// Leases on meters' local STS vending (POST /api/v1/leases, POST /api/v1/leases/release): the head
// office lets one counter at a time make tokens for a meter while offline. A grant carries the
// meter's decoder key, derived at the head office, encrypted for the asking counter only
// (lease-crypto.ts); the supply group's vending key never leaves the head office.
import { z } from 'zod';
import { StsKeyData } from '../../../preload/contract/meters';
import { Bilingual, meterNumber } from '../../../preload/contract/shared';

/** The most meters one lease request names. */
export const MAX_LEASE_METERS = 200;

/**
 * Clock-skew allowance on both sides of a lease's expiry. The head office grants a lease to another
 * counter only once the holder's expiry plus this has passed (by its clock); the holder stops
 * using it this long before its expiry (by its own clock). A signed request's timestamp is within
 * 5 minutes of the head office's clock, so a counter's clock may drift by 25 more minutes while it
 * is offline before the two could overlap.
 */
export const LEASE_SKEW_MARGIN_MS = 15 * 60_000;

export const LeaseRequestSchema = z.object({
  meters: z.array(meterNumber).min(1).max(MAX_LEASE_METERS),
}).strict();
export type LeaseRequest = z.infer<typeof LeaseRequestSchema>;

export const LeaseKeyData = StsKeyData.required();
export type LeaseKeyData = z.infer<typeof LeaseKeyData>;

export const LeaseGrantSchema = z.object({
  meter: meterNumber,
  /** When this counter's tenure of the lease began (a renewal keeps it). */
  grantedAt: z.string().datetime(),
  /** By the head office's clock; the counter stops using the lease LEASE_SKEW_MARGIN_MS before. */
  expiresAt: z.string().datetime(),
  /**
   * Bumped by every grant and renewal of this meter's lease (at any counter); a release names the
   * generation it gives back, so a release that arrives after a renewal changes nothing.
   */
  generation: z.number().int().positive(),
  /** The meter's key data the decoder key was derived for. */
  keyData: LeaseKeyData,
  /**
   * The head office's vending key the decoder key was derived from (its id and key check value):
   * once a grant brings a newer key for the SGC and KRN, the counter treats leases derived from an
   * older one as stale.
   */
  vendingKey: z.object({ id: z.number().int().positive(), kcv: z.string().regex(/^[0-9A-F]{6}$/) }).strict(),
  /** The decoder key, encrypted for this counter (lease-crypto.ts): base64(iv | tag | ciphertext). */
  decoderKeySealed: z.string().min(28).max(200),
}).strict();
export type LeaseGrant = z.infer<typeof LeaseGrantSchema>;

export const LEASE_REFUSALS = ['HELD_ELSEWHERE', 'UNKNOWN_METER', 'METER_INACTIVE', 'NOT_STS', 'NO_VENDING_KEY'] as const;
export const LeaseRefusalCode = z.enum(LEASE_REFUSALS);
export type LeaseRefusalCode = z.infer<typeof LeaseRefusalCode>;

export const LeaseRefusalSchema = z.object({
  meter: meterNumber,
  code: LeaseRefusalCode,
  message: Bilingual,
  /** HELD_ELSEWHERE: the counter holding it and until when (its expiry by the head office's clock). */
  heldBy: z.object({ counterName: z.string(), expiresAt: z.string().datetime() }).strict().nullable(),
}).strict();
export type LeaseRefusal = z.infer<typeof LeaseRefusalSchema>;

export const LeaseResultSchema = z.object({
  granted: z.array(LeaseGrantSchema),
  refused: z.array(LeaseRefusalSchema),
  serverTime: z.string().datetime(),
}).strict();
export type LeaseResult = z.infer<typeof LeaseResultSchema>;

/**
 * Giving leases back, each at the generation the counter holds it under. A meter this counter does
 * not hold at that generation (renewed since, released already, never held) is left as it is and
 * answered as `stale`.
 */
export const LeaseReleaseRequestSchema = z.object({
  leases: z.array(z.object({ meter: meterNumber, generation: z.number().int().positive() }).strict()).min(1).max(MAX_LEASE_METERS),
}).strict();
export type LeaseReleaseRequest = z.infer<typeof LeaseReleaseRequestSchema>;
export const LeaseReleaseResultSchema = z.object({ released: z.array(meterNumber), stale: z.array(meterNumber) }).strict();
export type LeaseReleaseResult = z.infer<typeof LeaseReleaseResultSchema>;
