// Acrel (ADL200) cloud, meter management (PROTOCOL.md, "Meter management"): balance, payment mode
// and credit limit in money (minor units), relay commands, status, readings and the time-of-use
// schedule the meter deducts by. An adapter only, like client.ts.
import type { VendorHttp } from '../http';
import { paymentModeOps, postMeterResource, sharedMeterOps, type SharedMeterOps } from '../meter-ops';
import type { VendorOutcome } from '../outcome';
import { CreditInfoSchema, MeterBalanceSchema, PaymentModeInfoSchema, type CreditInfo, type MeterBalance, type PaymentModeInfo } from './wire-meter';

type Keyed = { meterNumber: string; idempotencyKey: string };
type Without<T> = Omit<T, 'meterNumber'>;

export interface AcrelMeterManagement extends SharedMeterOps {
  getMeterBalance(i: { meterNumber: string }): Promise<VendorOutcome<Without<MeterBalance>>>;
  setPrepaidMode(i: Keyed): Promise<VendorOutcome<Without<PaymentModeInfo>>>;
  setPostpaidMode(i: Keyed): Promise<VendorOutcome<Without<PaymentModeInfo>>>;
  /** A limit above zero puts the meter in credit mode: it trips at -limit instead of at zero. */
  setCreditLimit(i: Keyed & { creditLimitMinor: number }): Promise<VendorOutcome<Without<PaymentModeInfo>>>;
  getPaymentMode(i: { meterNumber: string }): Promise<VendorOutcome<Without<PaymentModeInfo>>>;
  getCreditInfo(i: { meterNumber: string }): Promise<VendorOutcome<Without<CreditInfo>>>;
}

export function acrelMeterManagement(http: VendorHttp): AcrelMeterManagement {
  return {
    ...sharedMeterOps(http),
    ...paymentModeOps(http, { balance: MeterBalanceSchema, paymentMode: PaymentModeInfoSchema, credit: CreditInfoSchema }),
    setCreditLimit: ({ meterNumber, idempotencyKey, creditLimitMinor }) =>
      postMeterResource(http, meterNumber, 'credit-limit', idempotencyKey, { creditLimitMinor }, PaymentModeInfoSchema),
  };
}
