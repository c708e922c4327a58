import type { TFunction } from 'i18next';
import type { MeterCommandOut } from '../../stores/meters';

/** What a command carried: the disconnection's reason or the new amperage limit. */
export function commandDetail(c: Pick<MeterCommandOut, 'reason' | 'limitA'>, t: TFunction): string | null {
  if (c.reason) return c.reason;
  if (c.limitA !== null) return t('meters.amps', { n: c.limitA });
  return null;
}
