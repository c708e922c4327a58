// Amounts in the master-data forms: typed and shown in major units with the currency's decimals,
// sent as integer minor units. Digits move as strings (renderer/lib/money.ts), never through a float.
import { minorToInput, parseMajorToMinor } from '../../../../renderer/lib/money';
import type { Bilingual } from '../../master-wire';

export type AmountRead = { ok: true; minor: number | null } | { ok: false; message: Bilingual };

/** An amount field's text as minor units; blank is null when the field may be left empty. */
export function readAmount(text: string, decimals: number, o: { optional?: boolean; allowZero?: boolean } = {}): AmountRead {
  if (text.trim() === '' && o.optional) return { ok: true, minor: null };
  const r = parseMajorToMinor(text, decimals, { allowZero: o.allowZero });
  return r.ok ? { ok: true, minor: r.minor } : r;
}

/** Minor units as an amount field's text ("" for none). */
export const amountText = (minor: number | null, decimals: number): string => (minor === null ? '' : minorToInput(minor, decimals));
