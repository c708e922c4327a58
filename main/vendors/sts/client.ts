// Client of the STS vendor API (PROTOCOL.md). An adapter only: it names endpoints and bodies and
// leaves signing, retries, validation and outcome mapping to the shared HTTP helper.
import type { ServerLine, VendorReceipt } from '../../../preload/contract';
import type { VendorEndpointConfig } from '../config';
import { createVendorHttp, type VendorHttpOptions } from '../http';
import { type VendorOutcome, mapOutcome } from '../outcome';
import { HealthSchema } from '../wire';
import { stsMeterManagement, type StsMeterManagement } from './management';
import {
  ChargeLookupSchema,
  ChargeResultSchema,
  PrepaidBalanceSchema,
  RechargeLookupSchema,
  RechargeResultSchema,
  type ChargeLookup,
  type RechargeLookup,
} from './wire';

export interface StsCharge {
  meterNumber: string;
  token: string;
  /** Null when the vendor does not say (an XMLVend server sends the token only). */
  tid: number | null;
  /** Energy the token carries, in 0.1 kWh (may exceed the request: STS amounts round up). */
  energyTenths: number;
  /** The money the vendor charged for it, in minor units. */
  amountMinor: number;
  vendorRef: string;
  /** The key-change pair the meter takes before the credit token, when the server sent one. */
  keyChangeTokens?: [string, string];
  /** A server that prices and breaks down the sale itself (XMLVend): its whole receipt. */
  vendorReceipt?: VendorReceipt;
}

/** What a vending server that prices sales itself would charge now (an XMLVend trial vend). */
export interface ServerPrice {
  energyTenths: number;
  /** The energy's money: the credit transaction. */
  valueMinor: number;
  /** Every other transaction: service charges, debt recovered, tax. With valueMinor, the purchase. */
  lines: ServerLine[];
  tariffName: string | null;
}

export type StsChargeLookup = { found: false } | ({ found: true } & StsCharge);
export type StsRechargeLookup =
  | { found: false }
  | { found: true; meterNumber: string; energyTenths: number; balanceTenths: number; vendorRef: string };

/** Sales operations below; meter management (status, commands, modes, schedules) in management.ts. */
export interface StsVendorClient extends StsMeterManagement {
  /** Vends a credit token. Retrying with the same key returns the same token, never a second one. */
  /**
   * amountMinor is the energy's money; purchaseMinor what the customer pays in all (a server that
   * prices sales itself is sent that, and breaks it down).
   */
  chargeMeter(i: { meterNumber: string; energyTenths: number; amountMinor: number; purchaseMinor?: number; paymentMethod?: 'cash' | 'card' | 'transfer'; idempotencyKey: string; notAfterMs?: number }): Promise<VendorOutcome<StsCharge>>;
  /** Resolves an unknown chargeMeter: what, if anything, the vendor did under this key. */
  verifyCharge(i: { idempotencyKey: string }): Promise<VendorOutcome<StsChargeLookup>>;
  /** Prepaid mode (meter on a DCU): adds kWh to the meter's balance remotely, no token. */
  rechargeBalance(i: {
    meterNumber: string;
    energyTenths: number;
    amountMinor: number;
    idempotencyKey: string;
  }): Promise<VendorOutcome<{ balanceTenths: number; energyTenths: number; vendorRef: string }>>;
  /** Resolves an unknown rechargeBalance by its key. */
  verifyRecharge(i: { idempotencyKey: string }): Promise<VendorOutcome<StsRechargeLookup>>;
  getPrepaidBalance(i: { meterNumber: string }): Promise<VendorOutcome<{ balanceTenths: number }>>;
  testConnection(): Promise<VendorOutcome<{ serverTime: string }>>;
  /** Only a server that prices sales itself has it (XMLVend's trial vend); the counter prices otherwise. */
  price?(i: { meterNumber: string; amountMinor: number }): Promise<VendorOutcome<ServerPrice>>;
}

const seg = encodeURIComponent;

export function createStsVendorClient(cfg: VendorEndpointConfig, opts?: VendorHttpOptions): StsVendorClient {
  const http = createVendorHttp(cfg, opts);
  return {
    ...stsMeterManagement(http),
    async chargeMeter({ meterNumber, energyTenths, amountMinor, idempotencyKey, notAfterMs }) {
      const o = await http.send({
        method: 'POST',
        path: '/api/v1/meters/charge',
        body: { meterNumber, energyTenths, amountMinor },
        idempotencyKey,
        notAfterMs,
        schema: ChargeResultSchema,
      });
      return mapOutcome(o, (v) => ({ meterNumber: v.meterNumber, token: v.token, tid: v.tid, energyTenths: v.energyTenths, amountMinor: v.amountMinor, vendorRef: v.vendorRef }));
    },
    async verifyCharge({ idempotencyKey }) {
      const o = await http.send({ method: 'GET', path: `/api/v1/charges/${seg(idempotencyKey)}`, schema: ChargeLookupSchema });
      return mapOutcome(o, (v: ChargeLookup): StsChargeLookup =>
        v.found
          ? { found: true, meterNumber: v.meterNumber, token: v.token, tid: v.tid, energyTenths: v.energyTenths, amountMinor: v.amountMinor, vendorRef: v.vendorRef }
          : { found: false },
      );
    },
    async rechargeBalance({ meterNumber, energyTenths, amountMinor, idempotencyKey }) {
      const o = await http.send({
        method: 'POST',
        path: `/api/v1/meters/${seg(meterNumber)}/prepaid/recharge`,
        body: { energyTenths, amountMinor },
        idempotencyKey,
        schema: RechargeResultSchema,
      });
      return mapOutcome(o, (v) => ({ balanceTenths: v.balanceTenths, energyTenths: v.energyTenths, vendorRef: v.vendorRef }));
    },
    async verifyRecharge({ idempotencyKey }) {
      const o = await http.send({ method: 'GET', path: `/api/v1/recharges/${seg(idempotencyKey)}`, schema: RechargeLookupSchema });
      return mapOutcome(o, (v: RechargeLookup): StsRechargeLookup =>
        v.found
          ? { found: true, meterNumber: v.meterNumber, energyTenths: v.energyTenths, balanceTenths: v.balanceTenths, vendorRef: v.vendorRef }
          : { found: false },
      );
    },
    async getPrepaidBalance({ meterNumber }) {
      const o = await http.send({ method: 'GET', path: `/api/v1/meters/${seg(meterNumber)}/prepaid/balance`, schema: PrepaidBalanceSchema });
      return mapOutcome(o, (v) => ({ balanceTenths: v.balanceTenths }));
    },
    async testConnection() {
      const o = await http.send({ method: 'GET', path: '/api/v1/health', schema: HealthSchema });
      return mapOutcome(o, (v) => ({ serverTime: v.serverTime }));
    },
  };
}
