// Checking a form before it is sent: the record is run through the same zod schema the service
// checks with, and each issue lands next to the field it names, in the language on screen.
import type { z } from 'zod';
import type { TFunction } from 'i18next';

export type FieldErrors = Record<string, string>;

/** The issues of `schema` on `value`, keyed by the first segment(s) of their path that a form knows. */
export function schemaProblems(schema: z.ZodType, value: unknown, t: TFunction, fieldOf: (path: (string | number)[]) => string): FieldErrors {
  const r = schema.safeParse(value);
  if (r.success) return {};
  const out: FieldErrors = {};
  for (const i of r.error.issues) {
    const field = fieldOf(i.path as (string | number)[]);
    out[field] ??= t('masterData.form.check');
  }
  return out;
}
