// `npm run -s xmlvend -- parse <file>`: one JSON line with exactly the keys the checks read, or one
// line on stderr and a non-zero exit, never a stack trace.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, SAMPLES, sample } from './samples';

const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const TMP = mkdtempSync(join(tmpdir(), 'xmlvend-cli-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

function xmlvend(...args: string[]): { out: string; err: string; status: number | null } {
  const r = spawnSync(TSX, [join(ROOT, 'scripts', 'xmlvend.ts'), ...args], { encoding: 'utf8', cwd: ROOT, timeout: 60_000 });
  return { out: r.stdout, err: r.stderr, status: r.status };
}

function file(name: string, content: string | Buffer): string {
  const p = join(TMP, name);
  writeFileSync(p, content);
  return p;
}

/** A refusal: nothing on stdout, one line on stderr that is not a stack trace. */
function expectRefusal(r: ReturnType<typeof xmlvend>, pattern: RegExp): void {
  expect(r.status).not.toBe(0);
  expect(r.status).not.toBeNull();
  expect(r.out).toBe('');
  const lines = r.err.split('\n').filter((l) => l !== '');
  expect(lines, r.err).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(r.err).not.toMatch(/^\s+at |\.ts:\d+|Error:/m);
}

describe('xmlvend parse', () => {
  it('prints one JSON line with exactly the keys, in order (the key-change answer)', () => {
    const r = xmlvend('parse', join(SAMPLES, 'CreditVendResp.3.xml'));
    expect(r.status).toBe(0);
    expect(r.err).toBe('');
    expect(r.out.endsWith('\n')).toBe(true);
    expect(r.out.trimEnd().split('\n')).toHaveLength(1);
    expect(r.out).toBe(`${JSON.stringify({
      type: 'creditVendResp',
      reqMsgID: { dateTime: '201911270000296', uniqueNumber: '4004' },
      receiptNo: '000000000000093',
      tokens: [
        { kind: 'kct1', digits: '08248409797159869462' },
        { kind: 'kct2', digits: '40560120821047291786' },
        { kind: 'fbe', digits: '68519290044469126117' },
        { kind: 'credit', digits: '54209344103876518428' },
      ],
      transactions: [
        { type: 'CreditVendTx', currency: 'ZAR', minor: 0 },
        { type: 'CreditVendTx', currency: 'ZAR', minor: 7826 },
        { type: 'VAT', currency: 'ZAR', minor: 1174 },
      ],
      fault: null,
    })}\n`);
  });

  it('a fault, and a message without an id', () => {
    const fault = JSON.parse(xmlvend('parse', join(SAMPLES, 'FaultResp.1.xml')).out) as Record<string, unknown>;
    expect(Object.keys(fault)).toEqual(['type', 'reqMsgID', 'receiptNo', 'tokens', 'transactions', 'fault']);
    expect(fault).toEqual({ type: 'fault', reqMsgID: null, receiptNo: null, tokens: [], transactions: [], fault: { type: 'SystemEx', description: 'Separate free electricity purchase is closed' } });
  });

  it('--currency reads symbols that are not ISO codes as the server currency', () => {
    const local = file('local.xml', sample('CreditVendResp.1.xml').replace(/symbol="R"/g, 'symbol="Rand"'));
    expectRefusal(xmlvend('parse', local), /^xmlvend: bad amount in clientStatus availCredit: currency symbol "Rand" is not an ISO 4217 code/);
    const r = xmlvend('parse', local, '--currency', 'ZAR');
    expect(r.status).toBe(0);
    expect((JSON.parse(r.out) as { transactions: unknown }).transactions).toEqual([{ type: 'CreditVendTx', currency: 'ZAR', minor: 7826 }, { type: 'VAT', currency: 'ZAR', minor: 1174 }]);
    expectRefusal(xmlvend('parse', local, '--currency', 'XX'), /^xmlvend: the server's currency "XX" is not an ISO 4217 code$/);
  });

  it('reads UTF-8 with a byte-order mark and UTF-16', () => {
    const text = sample('CreditVendResp.5.xml');
    for (const [name, bytes] of [['bom8.xml', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])], ['utf16.xml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])]] as const) {
      const r = xmlvend('parse', file(name, bytes));
      expect(r.status, r.err).toBe(0);
      expect((JSON.parse(r.out) as { receiptNo: string }).receiptNo).toBe('626');
    }
  });
});

describe('xmlvend refusals: one line, no stack trace', () => {
  it('a missing file and a folder', () => {
    expectRefusal(xmlvend('parse', join(TMP, 'nope.xml')), /^xmlvend: cannot read .*nope\.xml: no such file$/);
    expectRefusal(xmlvend('parse', TMP), /^xmlvend: cannot read .*: it is a folder$/);
  });

  it('a truncated sample, a random binary file, an empty file', () => {
    const text = sample('ReprintResp.3.xml');
    expectRefusal(xmlvend('parse', file('truncated.xml', text.slice(0, 5000))), /^xmlvend: malformed XML: /);
    expectRefusal(xmlvend('parse', file('random.bin', randomBytes(4096))), /^xmlvend: malformed XML: /);
    expectRefusal(xmlvend('parse', file('empty.xml', '')), /^xmlvend: empty input/);
  });

  it('XML that is not XMLVend, and a bad amount', () => {
    expectRefusal(xmlvend('parse', file('html.xml', '<html><body>gateway timeout</body></html>')), /^xmlvend: unknown body element <html>/);
    expectRefusal(xmlvend('parse', file('bad-amount.xml', sample('CreditVendResp.1.xml').replace('value="78.26"', 'value="78.265"'))), /^xmlvend: bad amount in CreditVendTx amt: "78\.265" has more decimals than ZAR allows \(2\)$/);
  });

  it('bad commands', () => {
    expectRefusal(xmlvend(), /^xmlvend: usage: npm run -s xmlvend -- parse <file>/);
    expectRefusal(xmlvend('print', 'x.xml'), /^xmlvend: unknown command "print"/);
    expectRefusal(xmlvend('parse'), /^xmlvend: parse needs a file/);
    expectRefusal(xmlvend('parse', 'a.xml', 'b.xml'), /^xmlvend: parse takes one file, got 2/);
    expectRefusal(xmlvend('parse', 'a.xml', '--colour'), /^xmlvend: Unknown option '--colour'/);
  });
});
