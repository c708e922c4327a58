// Which customers match what the cashier typed, through an index whatever the size of the counter:
// the trigram index customers_fts (migration 0014) for 3 characters or more, prefix ranges on
// indexes below that. Every statement stops after `limit` rows, so a common name (محمد, thousands
// of customers) costs what a rare one does.
import type { ReadDb } from '../open';
import { stmt } from './stmt';

/** Trigrams: a query shorter than this has none, and customers_fts cannot answer it. */
const TRIGRAM = 3;

/**
 * The first string above every string that starts with `p`, in SQLite's binary (UTF-8 byte, i.e.
 * code point) order: `x >= p AND x < prefixEnd(p)` means "x starts with p", as an index range.
 */
export function prefixEnd(p: string): string {
  const cps = [...p];
  while (cps.length) {
    let next = cps.pop()!.codePointAt(0)! + 1;
    if (next > 0x10ffff) continue; // the last code point cannot grow: the prefix one shorter bounds it
    if (next >= 0xd800 && next <= 0xdfff) next = 0xe000; // no surrogates in UTF-8
    return cps.join('') + String.fromCodePoint(next);
  }
  return '\u{10FFFF}';
}

/** `q` as one FTS5 phrase: with the trigram tokenizer, "its text contains q". */
const phrase = (q: string) => `"${q.replace(/"/g, '""')}"`;

/**
 * The FTS5 query for `norm`: each word of 3 characters or more a phrase, all required ("محمد
 * الحداد" finds محمد عبدالله الحداد too, as a cashier typing a first and a family name means). A
 * shorter word has no trigram and only makes sense beside its neighbour (بن لادن): then the whole
 * text must also appear as typed. The separate words are also what keeps a name no one has cheap:
 * one phrase across a space walks every entry of its common trigrams ("ى ا") before it knows there
 * is no such name, while required words stop at the rarest.
 */
function ftsQuery(norm: string): string {
  const words = norm.split(/\s+/).filter(Boolean);
  if (words.length < 2) return phrase(norm);
  const long = words.filter((w) => [...w].length >= TRIGRAM);
  return [...long.map(phrase), ...(long.length < words.length ? [phrase(norm)] : [])].join(' ');
}

/**
 * Ids of customers whose search text (name, Latin name, phone: normalised, migration 0007) matches
 * `norm`, which must already be normalised (normaliseQuery). At most `limit` (-1: all), in a stable order.
 *
 * 3 characters or more: the search text contains `norm` (the meaning LIKE '%norm%' had) — or,
 * for several words, contains each of them (ftsQuery) — oldest customer first — rowid order is the index's own, so the search stops at `limit`; ordering by
 * relevance would rank every match of a common name first.
 * 1 or 2 characters (no trigram): the name, the Latin name or the phone as stored starts with
 * `norm`, each by its index (0014's customers_search_prefix and customers_latin_prefix, which hold
 * the first two characters, and 0007's customers_phone); a substring that short would match most
 * customers anyway.
 */
export function matchingCustomerIds(db: ReadDb, norm: string, limit: number): number[] {
  if (norm === '') return [];
  if ([...norm].length >= TRIGRAM) {
    return stmt(db, 'SELECT rowid FROM customers_fts WHERE customers_fts MATCH ? ORDER BY rowid LIMIT ?').pluck().all(ftsQuery(norm), limit) as number[];
  }
  const end = prefixEnd(norm);
  const most = limit < 0 ? Infinity : limit;
  const ids = new Set<number>();
  for (const sql of [
    'SELECT id FROM customers WHERE substr(search_norm, 1, 2) >= ? AND substr(search_norm, 1, 2) < ? ORDER BY substr(search_norm, 1, 2) LIMIT ?',
    'SELECT id FROM customers WHERE substr(lower(name_latin), 1, 2) >= ? AND substr(lower(name_latin), 1, 2) < ? ORDER BY substr(lower(name_latin), 1, 2) LIMIT ?',
    'SELECT id FROM customers WHERE phone >= ? AND phone < ? ORDER BY phone LIMIT ?',
  ]) {
    for (const id of stmt(db, sql).pluck().all(norm, end, limit) as number[]) ids.add(id);
    if (ids.size >= most) break;
  }
  return [...ids].slice(0, most);
}
