// Arabic-aware search normalisation. The same rules run in SQL (migration 0007's triggers fill
// customers.search_norm) and here (for the query), so a cashier who types "احمد" finds "أحمد",
// "مكة" finds "مكه", "على" finds "علي", and tatweel or diacritics never get in the way.
//   أ إ آ ٱ -> ا    ى -> ي    ة -> ه    tatweel (ـ) and harakat (U+064B..U+065F, U+0670) removed
//   Arabic-Indic and Persian digits -> 0-9    A-Z -> a-z (ASCII only, exactly like SQLite's lower())
// test/integration/day/customers.test.ts checks that the SQL column and this function agree.

/** [from code point, to string]; '' removes. Order does not matter (no output is another input). */
export const NORMALISE_TABLE: ReadonlyArray<readonly [number, string]> = [
  [0x0623, 'ا'], [0x0625, 'ا'], [0x0622, 'ا'], [0x0671, 'ا'],
  [0x0649, 'ي'], [0x0629, 'ه'],
  [0x0640, ''],
  ...Array.from({ length: 0x065f - 0x064b + 1 }, (_, i) => [0x064b + i, ''] as const),
  [0x0670, ''],
  ...Array.from({ length: 10 }, (_, i) => [0x0660 + i, String(i)] as const),
  ...Array.from({ length: 10 }, (_, i) => [0x06f0 + i, String(i)] as const),
];

const MAP = new Map(NORMALISE_TABLE.map(([cp, to]) => [String.fromCodePoint(cp), to]));

export function normalise(s: string): string {
  let out = '';
  for (const ch of s) out += MAP.get(ch) ?? ch;
  return out.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** A phone as stored for search: normalised digits, no spaces or dashes. */
export const compactPhone = (s: string): string => normalise(s).replace(/[\s-]/g, '');

/** What a search query becomes: normalised, trimmed; a phone-like query loses its spaces/dashes. */
export function normaliseQuery(q: string): string {
  const n = normalise(q).trim().replace(/\s+/g, ' ');
  return /^[\d\s+-]+$/.test(n) ? n.replace(/[\s-]/g, '') : n;
}

/** A meter number as stored: normalised digits, no spaces or dashes. */
export const compactMeter = (s: string): string => normalise(s).replace(/[\s-]/g, '');
