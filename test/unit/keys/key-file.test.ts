// The key file an administrator loads a vending key from (format: main/keys/README.md).
import { describe, expect, it } from 'vitest';
import { parseKeyFile } from '../../../main/keys/key-file';
import { AppError } from '../../../main/common/errors';

const FILE = `# STS test key (CTSA), never a production key
SGC = 123456
KRN = 1
key_type: 2
BASE_DATE = 2014
EA = 07
DKGA = 02
EXPIRES = 2030-12-31
KCV = c33f45
VENDING_KEY = abababababababab
`;

const refusal = (text: string): AppError => {
  try { parseKeyFile(text); } catch (e) { if (e instanceof AppError) return e; throw e; }
  throw new Error('not refused');
};

describe('key file', () => {
  it('reads the attributes, the key and the certificate KCV (labels in any case, = or :, comments, CRLF, BOM)', () => {
    const f = parseKeyFile(`\uFEFF${FILE.replace(/\n/g, '\r\n')}`);
    expect(f).toEqual({
      attributes: { sgc: '123456', krn: 1, keyType: 2, baseDate: 2014, ea: '07', dkga: '02', expiresAt: '2030-12-31' },
      vendingKeyHex: 'abababababababab',
      expectedKcv: 'c33f45',
    });
    const minimal = FILE.split('\n').filter((l) => !/^(EXPIRES|KCV)/.test(l)).join('\n');
    expect(parseKeyFile(minimal)).toMatchObject({ attributes: { expiresAt: null }, expectedKcv: undefined });
  });

  it('refuses a file it cannot read whole, saying which line or label, never the key', () => {
    const cases: [string, RegExp][] = [
      [FILE.replace('KRN = 1', 'KRN 1'), /line 3 is not "LABEL = value"/],
      [FILE.replace('KRN = 1', 'KRM = 1'), /unknown label KRM/],
      [`${FILE}SGC = 654321\n`, /SGC is given twice/],
      [FILE.replace(/^DKGA.*$/m, ''), /DKGA missing/],
      [FILE.replace('SGC = 123456', 'SGC = 12345'), /SGC not valid/],
      [FILE.replace('BASE_DATE = 2014', 'BASE_DATE = 2015'), /BASE_DATE not valid/],
      [FILE.replace('KCV = c33f45', 'KCV = c33f4'), /KCV not valid/],
      [FILE.replace('EXPIRES = 2030-12-31', 'EXPIRES = 31/12/2030'), /EXPIRES not valid/],
    ];
    for (const [text, en] of cases) {
      const e = refusal(text);
      expect(e.code).toBe('BAD_INPUT');
      expect(e.bilingual.en).toMatch(/^The key file cannot be read: /);
      expect(e.bilingual.en).toMatch(en);
      expect(e.bilingual.ar).toMatch(/^تعذرت قراءة ملف المفتاح/);
      expect(`${e.bilingual.en}${e.bilingual.ar}`).not.toContain('abababababababab');
    }
  });
});
