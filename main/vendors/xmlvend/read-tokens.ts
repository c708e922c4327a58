// Tokens out of token issues (MeterSpecificTokenIssue and its kinds), in the order the customer
// enters them: the key-change pair first, then the rest as the server listed them.
import type { Element } from '@xmldom/xmldom';
import type { Token, TokenKind } from './model';
import { fail } from './read-error';
import { childText, quantity } from './read-parts';
import { child, childElements, localName, text, xsiType } from './xml';

/** Where the tokens are read: a trial vend's server may send an empty cipher (no token at all). */
export interface TokenContext {
  trial: boolean;
}

// Conlog (ENDE) sends a key change as two extra CreditVendTx without an amount whose credit token
// issues carry the pair, told apart only by their description.
const CONLOG_KEY_CHANGE = /^key\s*change\s*token\s*([12])$/i;

/** True for an element that issues a token (it holds a <token>). */
export function isTokenIssue(el: Element): boolean {
  return child(el, 'token') !== null;
}

function digitsOf(holder: Element, where: string, ctx: TokenContext): string | null {
  const cipher = child(holder, 'stsCipher');
  const digits = cipher ? text(cipher) ?? '' : childElements(holder).length === 0 ? text(holder) ?? '' : '';
  if (digits === '' && ctx.trial) return null;
  if (digits === '') fail(`missing token digits in ${where}`);
  if (!/^\d{20}$/.test(digits)) fail(`bad token digits in ${where}: "${digits}" is not the 20 digits of an STS1 token`);
  return digits;
}

function kindOfCredit(issue: Element): TokenKind {
  const m = CONLOG_KEY_CHANGE.exec(childText(issue, 'desc') ?? '');
  if (m) return m[1] === '1' ? 'kct1' : 'kct2';
  return /^FBE/i.test(xsiType(issue) ?? '') ? 'fbe' : 'credit';
}

/**
 * The tokens of one token issue, in document order. A creditTokenIssue (inside a tx) gives a
 * credit, FBE or Conlog key-change token; a KCToken (set1stMeterKey/set2ndMeterKey) gives kct1 and
 * kct2, followed by the power-limit token a KCTokenIssue may carry; any other issue is an
 * engineering token (clear credit, clear tamper, power limit, test, display...).
 */
export function tokensOf(issue: Element, ctx: TokenContext): Token[] {
  const name = localName(issue);
  const token = child(issue, 'token')!;
  const desc = childText(issue, 'desc') ?? undefined;
  const type = xsiType(issue) ?? undefined;
  const extra = { ...(desc !== undefined ? { desc } : {}), ...(type !== undefined ? { issue: type } : {}) };
  const first = child(token, 'set1stMeterKey');
  const second = child(token, 'set2ndMeterKey');
  const out: Token[] = [];
  if (first || second) {
    if (!first || !second) fail(`key-change token in ${name} without ${first ? 'set2ndMeterKey' : 'set1stMeterKey'}`);
    for (const [kind, el] of [['kct1', first], ['kct2', second]] as const) {
      const digits = digitsOf(el, `${name} ${localName(el)}`, ctx);
      if (digits !== null) out.push({ kind, digits, ...extra });
    }
    const pwr = child(issue, 'pwrLmtToken');
    if (pwr && isTokenIssue(pwr)) out.push(...tokensOf(pwr, ctx));
    return out;
  }
  const digits = digitsOf(token, name, ctx);
  if (digits === null) return out;
  const kind: TokenKind = name === 'creditTokenIssue' ? kindOfCredit(issue) : 'engineering';
  const units = quantity(child(issue, 'units'), `${name} units`);
  out.push({ kind, digits, ...extra, ...(units ? { units } : {}) });
  return out;
}

const RANK: Record<TokenKind, number> = { kct1: 0, kct2: 1, credit: 2, fbe: 2, engineering: 2 };

/** The entry order: kct1, kct2, then every other token as listed (a stable sort). */
export function entryOrder(tokens: Token[]): Token[] {
  return tokens.map((t, i) => ({ t, i })).sort((a, b) => RANK[a.t.kind] - RANK[b.t.kind] || a.i - b.i).map((x) => x.t);
}
