// STS vendor API, meter management (PROTOCOL.md, "Meter management"): balance in kWh, payment
// mode and credit limit in 0.1 kWh, amperage commands and engineering (maintenance) codes, plus
// the operations both clouds share. An adapter only, like client.ts.
import type { VendorHttp } from '../http';
import { paymentModeOps, postMeterResource, sendCommand, sharedMeterOps, type SharedMeterOps } from '../meter-ops';
import type { CommandInfo } from '../meter-wire';
import type { VendorOutcome } from '../outcome';
import {
  CreditInfoSchema,
  MaintenanceCodeSchema,
  MeterBalanceSchema,
  PaymentModeInfoSchema,
  type CreditInfo,
  type MaintenanceAction,
  type MaintenanceCode,
  type MeterBalance,
  type PaymentModeInfo,
} from './wire-meter';

type Keyed = { meterNumber: string; idempotencyKey: string };
type Without<T> = Omit<T, 'meterNumber'>;

export interface StsMeterManagement extends SharedMeterOps {
  getMeterBalance(i: { meterNumber: string }): Promise<VendorOutcome<Without<MeterBalance>>>;
  /** Lowers the meter's amperage limit to limitA (must be below the current limit). */
  reduceAmperage(i: Keyed & { limitA: number }): Promise<VendorOutcome<CommandInfo>>;
  /** Raises the meter's amperage limit to limitA (must be above the current limit). */
  increaseAmperage(i: Keyed & { limitA: number }): Promise<VendorOutcome<CommandInfo>>;
  /** An engineering token for a technician: made by the vendor with the meter's key, expires. */
  generateMaintenanceCode(
    i: Keyed & { purpose: 'maintenance' | 'repair' | 'check'; action: MaintenanceAction; powerLimitW?: number; validMinutes: number },
  ): Promise<VendorOutcome<Omit<Without<MaintenanceCode>, 'tid'> & { tid: number | null }>>;
  /** False for a server whose answers carry a token without its TID (XMLVend): the counter reads it. */
  readonly reportsTids: boolean;
  setPrepaidMode(i: Keyed): Promise<VendorOutcome<Without<PaymentModeInfo>>>;
  setPostpaidMode(i: Keyed): Promise<VendorOutcome<Without<PaymentModeInfo>>>;
  /** A limit above zero puts the meter in credit mode: it may run that far below zero. */
  setCreditLimit(i: Keyed & { creditLimitTenths: number }): Promise<VendorOutcome<Without<PaymentModeInfo>>>;
  getPaymentMode(i: { meterNumber: string }): Promise<VendorOutcome<Without<PaymentModeInfo>>>;
  getCreditInfo(i: { meterNumber: string }): Promise<VendorOutcome<Without<CreditInfo>>>;
}

export function stsMeterManagement(http: VendorHttp): StsMeterManagement {
  return {
    reportsTids: true,
    ...sharedMeterOps(http),
    ...paymentModeOps(http, { balance: MeterBalanceSchema, paymentMode: PaymentModeInfoSchema, credit: CreditInfoSchema }),
    reduceAmperage: ({ meterNumber, idempotencyKey, limitA }) => sendCommand(http, meterNumber, idempotencyKey, { command: 'reduce_amperage', limitA }),
    increaseAmperage: ({ meterNumber, idempotencyKey, limitA }) => sendCommand(http, meterNumber, idempotencyKey, { command: 'increase_amperage', limitA }),
    generateMaintenanceCode({ meterNumber, idempotencyKey, purpose, action, powerLimitW, validMinutes }) {
      const body = { purpose, action, validMinutes, ...(powerLimitW === undefined ? {} : { powerLimitW }) };
      return postMeterResource(http, meterNumber, 'maintenance-codes', idempotencyKey, body, MaintenanceCodeSchema);
    },
    setCreditLimit: ({ meterNumber, idempotencyKey, creditLimitTenths }) =>
      postMeterResource(http, meterNumber, 'credit-limit', idempotencyKey, { creditLimitTenths }, PaymentModeInfoSchema),
  };
}
