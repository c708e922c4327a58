// Client of the Acrel (ADL200) cloud API (PROTOCOL.md). Money credit is sent to the meter; there
// is no token. Signing, retries, validation and outcome mapping live in the shared HTTP helper.
import type { VendorEndpointConfig } from '../config';
import { createVendorHttp, type VendorHttpOptions } from '../http';
import { type VendorOutcome, mapOutcome } from '../outcome';
import { HealthSchema } from '../wire';
import { acrelMeterManagement, type AcrelMeterManagement } from './management';
import { BalanceSchema, RechargeLookupSchema, RechargeResultSchema, type RechargeLookup } from './wire';

export type AcrelRechargeLookup =
  | { found: false }
  | { found: true; meterNumber: string; amountMinor: number; balanceMinor: number; vendorRef: string };

/** Recharge operations below; meter management (status, relay, modes, schedules) in management.ts. */
export interface AcrelClient extends AcrelMeterManagement {
  /** Adds money to the meter's balance. Retrying with the same key never credits twice. */
  rechargeBalance(i: { meterNumber: string; amountMinor: number; idempotencyKey: string }): Promise<VendorOutcome<{ balanceMinor: number; vendorRef: string }>>;
  getPrepaidBalance(i: { meterNumber: string }): Promise<VendorOutcome<{ balanceMinor: number }>>;
  /** Resolves an unknown rechargeBalance: what, if anything, the cloud did under this key. */
  verifyCharge(i: { idempotencyKey: string }): Promise<VendorOutcome<AcrelRechargeLookup>>;
  testConnection(): Promise<VendorOutcome<{ serverTime: string }>>;
}

const seg = encodeURIComponent;

export function createAcrelClient(cfg: VendorEndpointConfig, opts?: VendorHttpOptions): AcrelClient {
  const http = createVendorHttp(cfg, opts);
  return {
    ...acrelMeterManagement(http),
    async rechargeBalance({ meterNumber, amountMinor, idempotencyKey }) {
      const o = await http.send({
        method: 'POST',
        path: `/api/v1/meters/${seg(meterNumber)}/prepaid/recharge`,
        body: { amountMinor },
        idempotencyKey,
        schema: RechargeResultSchema,
      });
      return mapOutcome(o, (v) => ({ balanceMinor: v.balanceMinor, vendorRef: v.vendorRef }));
    },
    async getPrepaidBalance({ meterNumber }) {
      const o = await http.send({ method: 'GET', path: `/api/v1/meters/${seg(meterNumber)}/prepaid/balance`, schema: BalanceSchema });
      return mapOutcome(o, (v) => ({ balanceMinor: v.balanceMinor }));
    },
    async verifyCharge({ idempotencyKey }) {
      const o = await http.send({ method: 'GET', path: `/api/v1/recharges/${seg(idempotencyKey)}`, schema: RechargeLookupSchema });
      return mapOutcome(o, (v: RechargeLookup): AcrelRechargeLookup =>
        v.found
          ? { found: true, meterNumber: v.meterNumber, amountMinor: v.amountMinor, balanceMinor: v.balanceMinor, vendorRef: v.vendorRef }
          : { found: false },
      );
    },
    async testConnection() {
      const o = await http.send({ method: 'GET', path: '/api/v1/health', schema: HealthSchema });
      return mapOutcome(o, (v) => ({ serverTime: v.serverTime }));
    },
  };
}
