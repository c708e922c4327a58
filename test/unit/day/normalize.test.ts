// Arabic search normalisation (db/normalize.ts) and the CSV reader of the import.
import { describe, expect, it } from 'vitest';
import { normalise, normaliseQuery, compactPhone } from '../../../db/normalize';
import { CsvError, parseCsv } from '../../../main/customers/csv';

describe('normalise', () => {
  it.each([
    ['أحمد', 'احمد'], ['إبراهيم', 'ابراهيم'], ['آمنة', 'امنه'], ['ٱلله', 'الله'],
    ['مصطفى', 'مصطفي'], ['فاطمة', 'فاطمه'], ['مُحَمَّد', 'محمد'], ['محـــمد', 'محمد'],
    ['عَلِيٌّ', 'علي'], ['هٰذا', 'هذا'], ['٧٧٧١٢٣٤٥٦', '777123456'], ['۰۴۰۰', '0400'], ['Ahmed ALI', 'ahmed ali'],
  ])('%s -> %s', (input, out) => expect(normalise(input)).toBe(out));

  it('makes the spellings a cashier types meet the spelling on file', () => {
    const onFile = normalise('أُسامة الزُّبيري');
    for (const typed of ['اسامة', 'أسامه', 'أُسامة', 'اسامه الزبيري']) expect(onFile).toContain(normaliseQuery(typed));
    expect(normalise('ليلى')).toBe(normalise('ليلي'));
  });

  it('is idempotent and leaves other letters alone', () => {
    for (const s of ['أحمد مُحَمَّد', 'ؤ ئ ء', 'Ünïcode', 'x_y%z']) expect(normalise(normalise(s))).toBe(normalise(s));
    expect(normalise('ؤ ئ ء')).toBe('ؤ ئ ء');
    expect(normalise('ÜnÏcode')).toBe('ÜnÏcode'); // non-ASCII case kept, exactly like SQLite's lower()
  });

  it('a phone-like query loses spaces and dashes; a name keeps single spaces', () => {
    expect(normaliseQuery(' ٧٧٧ ١٢٣-٤٥٦ ')).toBe('777123456');
    expect(normaliseQuery('+967 777 123')).toBe('+967777123');
    expect(normaliseQuery('  محمد   علي ')).toBe('محمد علي');
    expect(compactPhone('777 12-34')).toBe('7771234');
  });
});

describe('parseCsv', () => {
  it('reads quotes, doubled quotes, commas, CRLF, a BOM and line breaks inside quotes, with line numbers', () => {
    const text = '\uFEFFa,b,c\r\n1,"x, y","say ""hi"""\r\n\r\n2,"two\nlines",z\n3,,\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', 'x, y', 'say "hi"'] },
      { line: 4, fields: ['2', 'two\nlines', 'z'] },
      { line: 6, fields: ['3', '', ''] },
    ]);
  });
  it('a quote never closed is an error naming the line the record starts on', () => {
    expect(() => parseCsv('a,b\n1,2\n3,"open\n4,5\n')).toThrow(CsvError);
    try { parseCsv('a,b\n1,2\n3,"open\n4,5\n'); } catch (e) { expect((e as CsvError).line).toBe(3); }
  });
});
