// Client of the head-office API (test/sim/head-office.openapi.yaml): the outbox pushes sale
// records here. Signed like the vendor APIs (no merchant id); retried freely because the head
// office upserts by sale id.
import type { Sale } from '../../../preload/contract';
import type { VendorEndpointConfig } from '../config';
import { createVendorHttp, type VendorHttpOptions } from '../http';
import { type VendorOutcome, mapOutcome } from '../outcome';
import { HealthSchema } from '../wire';
import { MasterDataPageSchema, type MasterDataPage } from './master-data-wire';
import {
  PushDeadLetterResultSchema, PushSalesResultSchema, PushZReportResultSchema,
  type PushAlong, type PushDeadLetterRequest, type PushDeadLetterResult, type PushSalesResult, type PushZReportRequest, type PushZReportResult,
} from './wire';
import { LeaseReleaseResultSchema, LeaseResultSchema, type LeaseReleaseRequest, type LeaseReleaseResult, type LeaseResult } from './lease-wire';

export interface HeadOfficeClient {
  /** Upserts the sales by id. `accepted` are stored; `rejected` never will be as sent (dead letters). */
  /**
   * along.counts: this counter's own (sales waiting to be sent, sales of unknown outcome), for the
   * head office's console; along.currencyDecimals: the decimals its amounts are in, for the reports.
   */
  pushSales(sales: Sale[], along?: PushAlong): Promise<VendorOutcome<PushSalesResult>>;
  /** Stores a closed shift's Z report; the same report again is a repeat, a different one under its number is refused. */
  pushZReport(z: PushZReportRequest): Promise<VendorOutcome<PushZReportResult>>;
  /** Reports a dead letter's current state (the latest report wins at the head office). */
  pushDeadLetter(d: PushDeadLetterRequest): Promise<VendorOutcome<PushDeadLetterResult>>;
  ping(): Promise<VendorOutcome<{ serverTime: string }>>;
  /** The master-data changes after `after` (this counter's cursor), at most `limit`, in version order. */
  pullMasterData(after: number, limit: number): Promise<VendorOutcome<MasterDataPage>>;
  /** Acquires or renews local-vending leases on these meters (lease-wire.ts); each meter granted or refused. */
  acquireLeases(meters: string[]): Promise<VendorOutcome<LeaseResult>>;
  /** Gives leases back, each at the generation held; one not held at that generation is answered stale and left alone. */
  releaseLeases(leases: LeaseReleaseRequest['leases']): Promise<VendorOutcome<LeaseReleaseResult>>;
}

export function createHeadOfficeClient(cfg: VendorEndpointConfig, opts?: VendorHttpOptions): HeadOfficeClient {
  const http = createVendorHttp(cfg, opts);
  return {
    pushSales(sales, along = {}) {
      const body = { sales, ...(along.counts ? { counts: along.counts } : {}), ...(along.currencyDecimals !== undefined ? { currencyDecimals: along.currencyDecimals } : {}) };
      return http.send({ method: 'POST', path: '/api/v1/sales', body, retrySafe: true, schema: PushSalesResultSchema });
    },
    pushZReport(z) {
      return http.send({ method: 'POST', path: '/api/v1/z-reports', body: z, retrySafe: true, schema: PushZReportResultSchema });
    },
    pushDeadLetter(d) {
      return http.send({ method: 'POST', path: '/api/v1/dead-letters', body: d, retrySafe: true, schema: PushDeadLetterResultSchema });
    },
    acquireLeases(meters) {
      // A repeat renews the same lease: safe to retry.
      return http.send({ method: 'POST', path: '/api/v1/leases', body: { meters }, retrySafe: true, schema: LeaseResultSchema });
    },
    releaseLeases(leases) {
      // Safe to retry: a repeat, or a copy arriving after a renewal, names a generation no longer held.
      return http.send({ method: 'POST', path: '/api/v1/leases/release', body: { leases }, retrySafe: true, schema: LeaseReleaseResultSchema });
    },
    async ping() {
      const o = await http.send({ method: 'GET', path: '/api/v1/ping', schema: HealthSchema });
      return mapOutcome(o, (v) => ({ serverTime: v.serverTime }));
    },
    pullMasterData(after, limit) {
      // The query is part of the signed path (PROTOCOL.md): the head office checks exactly these bytes.
      return http.send({ method: 'GET', path: `/api/v1/master-data?after=${after}&limit=${limit}`, schema: MasterDataPageSchema });
    },
  };
}
