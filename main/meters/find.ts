// Finding a meter by the number a cashier typed, with the words that say why it was not found: a
// full STS number with a wrong check digit is a typing mistake, anything else is not registered.
import type { ReadDb } from '../../db/open';
import { findMeter, type MeterRecord } from '../../db/repos/meters';
import { err } from '../common/errors';
import { isValidMeterNumber } from '../sts';

export function lookupMeter(db: ReadDb, meterNumber: string): MeterRecord {
  const number = meterNumber.replace(/[\s-]/g, '');
  const meter = findMeter(db, number);
  if (meter) return meter;
  if (/^\d{11}$|^\d{13}$/.test(number) && !isValidMeterNumber(number)) {
    throw err('BAD_METER_NUMBER', `Meter number ${number} has a wrong check digit. Check the number on the meter.`,
      `رقم العداد ${number} به خانة تحقق خاطئة. تأكد من الرقم المكتوب على العداد.`);
  }
  throw err('METER_NOT_FOUND', `No meter ${number} is registered at this counter.`, `العداد ${number} غير مسجل في هذا المركز.`);
}
