// fast-check generators of malformed contract inputs: wrong types, missing and extra fields, huge
// strings, hostile numbers, deep nesting, odd unicode and prototype-pollution keys. Shape-aware:
// for an object channel, most inputs keep the real field names with bad values, so validation of
// each field is exercised, not just "not an object".
import fc from 'fast-check';
import type { z } from 'zod';

const HOSTILE_NUMBERS = [NaN, Infinity, -Infinity, -1, -0, 0.5, -0.000001, 1e308, -1e308, 2 ** 53 + 2, -(2 ** 53) - 2, 1e21, 4.9e-324];
const ODD_STRINGS = ['', ' ', '\u0000', '\uD800', '\uDFFF\uD800', '\u202E0400000101', '\u200F', '٠١٢٣٤٥٦٧٨٩', '𝟎𝟒𝟎𝟎', '١١١١', 'ﷺ', '\r\n', '../../etc/passwd', "'; DROP TABLE sales; --", '<script>alert(1)</script>', '%00', '${7*7}', 'null', 'undefined', 'NaN', '1e309', '0x10', '-0'];
const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__'];

/** An object with an OWN property named like a prototype key (what JSON.parse produces). */
function own(key: string, value: unknown, base: Record<string, unknown> = {}): Record<string, unknown> {
  const o = { ...base };
  Object.defineProperty(o, key, { value, enumerable: true, configurable: true, writable: true });
  return o;
}

function nest(depth: number, asArray: boolean): unknown {
  let v: unknown = 'x';
  for (let i = 0; i < depth; i++) v = asArray ? [v] : { a: v };
  return v;
}

/** Values no contract field accepts (as that field), or accepts only by accident. */
export const hostileValue = (opts: { json: boolean }): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.anything({ maxDepth: 3, withBigInt: !opts.json, withDate: !opts.json, withMap: !opts.json, withSet: !opts.json, withTypedArray: !opts.json, withSparseArray: true, withNullPrototype: !opts.json, withBoxedValues: !opts.json, withObjectString: true }),
    fc.constantFrom(...HOSTILE_NUMBERS),
    fc.constantFrom(...ODD_STRINGS),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.tuple(fc.integer({ min: 1_000, max: opts.json ? 30_000 : 300_000 }), fc.constantFrom('x', '9', 'ش', '😀')).map(([n, c]) => c.repeat(n)),
    fc.tuple(fc.integer({ min: 50, max: opts.json ? 1_000 : 5_000 }), fc.boolean()).map(([d, a]) => nest(d, a)),
    fc.tuple(fc.constantFrom(...POLLUTION_KEYS), fc.constantFrom<unknown>({ polluted: 1 }, 'polluted', null, [1])).map(([k, v]) => own(k, v)),
    fc.constantFrom<unknown>(null, undefined, true, false, 0, [], {}, [[]], ...(opts.json ? [] : [Symbol('s'), () => 1, new Error('boom')])),
  );

/** The field names of a channel's input schema (object, or each option of a union). */
export function fieldNames(schema: z.ZodType): string[] {
  const s = schema as unknown as { shape?: Record<string, unknown>; options?: z.ZodType[] };
  if (s.shape) return Object.keys(s.shape);
  if (s.options) return [...new Set(s.options.flatMap(fieldNames))];
  return [];
}

/** Malformed inputs for one channel (some may happen to be valid: the caller filters those out). */
export function malformedInput(schema: z.ZodType, opts: { json: boolean }): fc.Arbitrary<unknown> {
  const v = hostileValue(opts);
  const names = fieldNames(schema);
  const extraKey = fc.oneof(fc.constantFrom(...POLLUTION_KEYS), fc.string({ maxLength: 20 }), fc.constant('k'.repeat(10_000)));
  const shaped = names.length
    ? [
      // the real field names, each missing or bad
      fc.record(Object.fromEntries(names.map((n) => [n, v])), { requiredKeys: [] }),
      // the real field names plus an extra or prototype key
      fc.tuple(fc.record(Object.fromEntries(names.map((n) => [n, v])), { requiredKeys: [] }), extraKey, v).map(([o, k, x]) => own(k, x, o)),
    ]
    : [];
  return fc.oneof(v, fc.tuple(extraKey, v).map(([k, x]) => own(k, x)), fc.dictionary(fc.string({ maxLength: 10 }), v, { maxKeys: 20 }), ...shaped);
}

/** Safe "is this input valid?": a malformed input must not crash the test's own check either. */
export function isValid(schema: z.ZodType, input: unknown): boolean {
  try {
    return schema.safeParse(input ?? {}).success;
  } catch {
    return false;
  }
}
