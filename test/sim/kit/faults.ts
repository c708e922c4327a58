// Fault injection shared by every HTTP simulator. setFaults replaces the whole set (the faults in
// force are exactly the ones last given); the *Next faults are used up by the next request.

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
}

export type OneShotFault = 'failNext' | 'dropResponseNext' | 'malformedNext';

export class FaultState {
  private current: Faults = {};

  get(): Faults {
    return { ...this.current };
  }

  set(f: Faults): void {
    this.current = { ...f };
  }

  /** Returns the one-shot faults for this request and clears them, so each fires exactly once. */
  takeOneShots(): Pick<Faults, OneShotFault> {
    const { failNext, dropResponseNext, malformedNext, ...rest } = this.current;
    this.current = rest;
    return { failNext, dropResponseNext, malformedNext };
  }
}
