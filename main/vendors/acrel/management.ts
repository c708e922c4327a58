// Acrel (ADL200) cloud, meter management (PROTOCOL.md, "Meter management"): balance, payment mode
// and credit limit in money (minor units), relay commands, status, readings and the time-of-use
// schedule the meter deducts by. An adapter only, like client.ts.
import type { VendorHttp } from '../http';
import { sharedMeterOps, type SharedMeterOps } from '../meter-ops';
import { type VendorOutcome, mapOutcome } from '../outcome';
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

const seg = encodeURIComponent;
const strip = <T extends { meterNumber: string }>({ meterNumber: _n, ...rest }: T): Without<T> => rest;

export function acrelMeterManagement(http: VendorHttp): AcrelMeterManagement {
  const p = (n: string, rest: string) => `/api/v1/meters/${seg(n)}/${rest}`;
  const postMode = async (meterNumber: string, rest: string, idempotencyKey: string, body: object) =>
    mapOutcome(await http.send({ method: 'POST', path: p(meterNumber, rest), body, idempotencyKey, schema: PaymentModeInfoSchema }), strip);
  return {
    ...sharedMeterOps(http),
    async getMeterBalance({ meterNumber }) {
      return mapOutcome(await http.send({ method: 'GET', path: p(meterNumber, 'balance'), schema: MeterBalanceSchema }), strip);
    },
    setPrepaidMode: ({ meterNumber, idempotencyKey }) => postMode(meterNumber, 'payment-mode/prepaid', idempotencyKey, {}),
    setPostpaidMode: ({ meterNumber, idempotencyKey }) => postMode(meterNumber, 'payment-mode/postpaid', idempotencyKey, {}),
    setCreditLimit: ({ meterNumber, idempotencyKey, creditLimitMinor }) => postMode(meterNumber, 'credit-limit', idempotencyKey, { creditLimitMinor }),
    async getPaymentMode({ meterNumber }) {
      return mapOutcome(await http.send({ method: 'GET', path: p(meterNumber, 'payment-mode'), schema: PaymentModeInfoSchema }), strip);
    },
    async getCreditInfo({ meterNumber }) {
      return mapOutcome(await http.send({ method: 'GET', path: p(meterNumber, 'credit'), schema: CreditInfoSchema }), strip);
    },
  };
}
