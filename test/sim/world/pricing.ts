// Which time-of-use price a meter applies at an instant: its own schedule, in its local time
// (fixed UTC offset, as an ADL200 keeps it), or its flat price. Prices are exact decimals held
// as integers of 1/10 000 minor unit per kWh, so deductions never touch a float.
import type { SchedulePeriod } from '../../../main/vendors/meter-wire';

export const PRICE_SCALE = 10_000;

export function scaledPrice(text: string): number {
  const [whole = '0', frac = ''] = text.split('.');
  return Number(whole) * PRICE_SCALE + Number(frac.padEnd(4, '0'));
}

/** Minute of the local day, 0..1439. */
export function localMinute(at: Date, utcOffsetMinutes: number): number {
  const m = Math.floor(at.getTime() / 60_000) + utcOffsetMinutes;
  return ((m % 1440) + 1440) % 1440;
}

export function periodAt(periods: readonly SchedulePeriod[], minute: number): SchedulePeriod | undefined {
  return periods.find((p) => {
    const end = p.endMinute;
    return p.startMinute < end ? minute >= p.startMinute && minute < end : minute >= p.startMinute || minute < end;
  });
}

/** Scaled price per kWh in force at `at`, or null when the meter has no price at all. */
export function priceAt(periods: readonly SchedulePeriod[], flat: string | null, at: Date, utcOffsetMinutes: number): number | null {
  const p = periodAt(periods, localMinute(at, utcOffsetMinutes));
  if (p) return scaledPrice(p.pricePerKwh);
  return flat === null ? null : scaledPrice(flat);
}
