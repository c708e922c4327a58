// Sending the commands Shahn queues on its own (payment mode, credit limit, tariff schedule) to
// the meter's cloud. Each answer is the cloud's new setting, applied at once: no status to poll.
// An adapter only: which command to send, and when, is decided in main/sales.
import { SYSTEM_COMMAND_KINDS } from '../../preload/contract';
import type { Delivery } from '../outbox/worker';
import type { QueuedRequest, SystemRequest } from './commands';
import type { MeterVendors } from './vendors';

const SYSTEM: readonly string[] = SYSTEM_COMMAND_KINDS;

export function isSystemRequest(r: QueuedRequest): r is SystemRequest {
  return SYSTEM.includes(r.command);
}

const NO_TENTHS: Delivery = {
  kind: 'refused',
  code: 'NO_TARIFF',
  message: { en: 'No price was in force to turn the credit limit into kWh for the STS cloud.', ar: 'لم يكن هناك سعر ساري لتحويل حد الائتمان إلى كيلوواط ساعة لمنصة STS.' },
};

export async function sendSystemCommand(v: MeterVendors, kind: 'sts' | 'acrel', k: { meterNumber: string; idempotencyKey: string }, r: SystemRequest): Promise<Delivery> {
  const c = kind === 'sts' ? v.sts : v.acrel;
  if (!c) return { kind: 'refused', code: 'NOT_CONFIGURED', message: { en: 'The meter cloud is not configured at this counter.', ar: 'منصة العدادات غير مهيأة في هذا المركز.' } };
  switch (r.command) {
    case 'set_prepaid_mode':
      return c.setPrepaidMode(k);
    case 'set_postpaid_mode':
      return c.setPostpaidMode(k);
    case 'set_tariff_schedule':
      return c.setMultiTariffSchedule({ ...k, periods: r.periods });
    case 'set_credit_limit':
      if (kind === 'acrel' && v.acrel) return v.acrel.setCreditLimit({ ...k, creditLimitMinor: r.creditLimitMinor });
      if (kind === 'sts' && v.sts && r.creditLimitTenths !== null) return v.sts.setCreditLimit({ ...k, creditLimitTenths: r.creditLimitTenths });
      return NO_TENTHS;
  }
}
