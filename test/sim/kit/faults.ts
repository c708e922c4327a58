// Fault injection shared by every HTTP simulator. setFaults replaces the whole set (the faults in
// force are exactly the ones last given); the *Next faults are used up by the next request.
// Set from code (sim.sts.setFaults), the `npm run sim` console, or POST /__sim/faults (FaultsSchema).
import { z } from 'zod';
import { mulberry32 } from './random';

export interface Faults {
  /** Stop listening and destroy open sockets without answering: clients see "connection refused". */
  offline?: boolean;
  /** Wait this long before handling each request (the operation still happens if the client gave up). */
  latencyMs?: number;
  /** Answer the next request with this status and an error body, without performing it. */
  failNext?: { status: number };
  /** Perform the next request's operation, then destroy the socket instead of answering. */
  dropResponseNext?: boolean;
  /** Perform the next request's operation, then answer 200 with a body that breaks the protocol. */
  malformedNext?: boolean;
  /** This share (0..1) of requests is answered 503 without being performed; drawn from a seeded RNG. */
  errorRate?: number;
  /** Seed of the errorRate RNG (default 1): the same seed gives the same requests failed. */
  errorSeed?: number;
}

/** What POST /__sim/faults accepts: the whole fault set, unknown fields refused. */
export const FaultsSchema = z
  .object({
    offline: z.boolean().optional(),
    latencyMs: z.number().int().min(0).max(120_000).optional(),
    failNext: z.object({ status: z.number().int().min(400).max(599) }).strict().optional(),
    dropResponseNext: z.boolean().optional(),
    malformedNext: z.boolean().optional(),
    errorRate: z.number().min(0).max(1).optional(),
    errorSeed: z.number().int().min(0).max(0xffffffff).optional(),
  })
  .strict();

export type OneShotFault = 'failNext' | 'dropResponseNext' | 'malformedNext';

export class FaultState {
  private current: Faults = {};
  private random = mulberry32(1);

  get(): Faults {
    return { ...this.current };
  }

  set(f: Faults): void {
    this.current = { ...f };
    this.random = mulberry32(f.errorSeed ?? 1);
  }

  /** True when this request falls in the errorRate share (one draw per request while a rate is set). */
  drawError(): boolean {
    const rate = this.current.errorRate ?? 0;
    return rate > 0 && this.random() < rate;
  }

  /** Returns the one-shot faults for this request and clears them, so each fires exactly once. */
  takeOneShots(): Pick<Faults, OneShotFault> {
    const { failNext, dropResponseNext, malformedNext, ...rest } = this.current;
    this.current = rest;
    return { failNext, dropResponseNext, malformedNext };
  }
}
