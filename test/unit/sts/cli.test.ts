import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeToken, deriveDecoderKey, meterPan, tidFromDate } from '../../../main/sts';

const ROOT = join(__dirname, '..', '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

function sts(args: string[], input = ''): { out: string; err: string; status: number | null } {
  const r = spawnSync(TSX, [join(ROOT, 'scripts', 'sts.ts'), ...args], { input, encoding: 'utf8', cwd: ROOT, timeout: 60_000 });
  return { out: r.stdout, err: r.stderr, status: r.status };
}

const K = 'e653341f9d5bf36f';
const WHEN = '"issuedAt":"2026-03-01T13:55:00Z","baseDate":2014';
const TID = tidFromDate(new Date('2026-03-01T13:55:00Z'), 2014);

describe('sts batch (JSON lines)', () => {
  const lines = [
    '{"op":"key","dkga":"02","vendingKey":"abababababababab","keyType":2,"sgc":"123456","ti":"01","krn":1,"pan":"600727000000000009"}',
    `{"op":"credit","decoderKey":"${K}","subclass":0,${WHEN},"rnd":5,"tenths":125}`,
    `{"op":"mpl","decoderKey":"${K}",${WHEN},"rnd":5,"watts":5000}`,
    'this is not json abababababababab',
    `{"op":"clear-credit","decoderKey":"${K}",${WHEN},"rnd":5,"register":65535}`,
    `{"op":"clear-tamper","decoderKey":"${K}",${WHEN},"rnd":5}`,
    '',
    `{"op":"kct","decoderKey":"${K}","newDecoderKey":"060b8643c59a27f1","ken":255,"krn":2,"rollover":true,"keyType":2,"ti":"07"}`,
    '{"op":"test","subclass":0,"control":1,"mfr":4}',
    `{"op":"decode","decoderKey":"0abc12def3456789","token":"29054347139309851356"}`,
    `{"op":"credit","decoderKey":"${K}","tid":5,"rnd":5,"tenths":99999999}`,
    `{"op":"credit","decoderKey":"${K}","tid":7,"rnd":5,"tenths":10}`,
  ];
  let r: ReturnType<typeof sts>;
  let out: Record<string, unknown>[];
  beforeAll(() => {
    r = sts([], lines.join('\n') + '\n');
    out = r.out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  });

  it('answers every non-blank line, in order, and exits 0', () => {
    expect(r.status).toBe(0);
    expect(out).toHaveLength(lines.filter((l) => l.trim()).length);
  });
  it('key, credit, management, kct, test and decode as in STS.md', () => {
    expect(out[0]).toEqual({ decoderKey: K });
    expect(decodeToken(K, out[1]!.token as string)).toMatchObject({ class: 0, subclass: 0, rnd: 5, tid: TID, amountTenths: 125, crcOk: true });
    expect(decodeToken(K, out[2]!.token as string)).toMatchObject({ class: 2, subclass: 0, tid: TID, watts: 5000, crcOk: true });
    expect(decodeToken(K, out[4]!.token as string)).toMatchObject({ class: 2, subclass: 1, register: 65535, crcOk: true });
    expect(decodeToken(K, out[5]!.token as string)).toMatchObject({ class: 2, subclass: 5, crcOk: true });
    const [a, b] = out[6]!.tokens as string[];
    expect(decodeToken(K, a!)).toMatchObject({ subclass: 3, rollover: true, krn: 2, newKeyHigh: '060b8643', crcOk: true });
    expect(decodeToken(K, b!)).toMatchObject({ subclass: 4, ti: 7, kenlo: 15, newKeyLow: 'c59a27f1', crcOk: true });
    expect(decodeToken('', out[7]!.token as string)).toMatchObject({ class: 1, control: 1, mfr: 4, crcOk: true });
    expect(out[8]).toEqual({ class: 0, subclass: 0, rnd: 11, tid: 1698595, field: 256, amountTenths: 256, crcOk: true });
    expect(JSON.stringify(out[8])).toBe('{"class":0,"subclass":0,"rnd":11,"tid":1698595,"field":256,"amountTenths":256,"crcOk":true}');
  });
  it('a bad line gets {"error"} and the run goes on; errors do not echo the input', () => {
    expect(out[3]).toEqual({ error: 'line is not valid JSON' });
    expect(Object.keys(out[9]!)).toEqual(['error']);
    expect(out[9]!.error).toMatch(/AMOUNT_RANGE/);
    expect(out[10]!.token).toMatch(/^\d{20}$/);
    expect(r.out).not.toContain('abababababababab');
  });
  it('validates each line (unknown op, missing or unknown fields)', () => {
    const bad = sts([], ['{"op":"nope"}', `{"op":"credit","decoderKey":"${K}","rnd":1,"tenths":1}`, `{"op":"credit","decoderKey":"${K}","tid":1,"rnd":1,"tenths":1,"tenth":2}`, '[]'].join('\n'));
    const res = bad.out.trim().split('\n').map((l) => JSON.parse(l) as { error: string });
    expect(res).toHaveLength(4);
    expect(res[0]!.error).toMatch(/op must be one of/);
    expect(res[1]!.error).toMatch(/give tid, or issuedAt together with baseDate/);
    expect(res[2]!.error).toMatch(/Unrecognized key/);
    expect(res[3]!.error).toMatch(/JSON object/);
  });
});

describe('sts human subcommands', () => {
  const keyArgs = ['--vending-key', 'abababababababab', '--sgc', '123456', '--ti', '01', '--krn', '1'];
  it('credit --meter … --kwh 12.5 derives the key and prints a grouped token', () => {
    const r = sts(['credit', '--meter', '04123456784', '--kwh', '12.5', ...keyArgs, '--tid', '1000', '--rnd', '3']);
    expect(r.status).toBe(0);
    const token = /^(\d{4} ){4}\d{4}$/m.exec(r.out)![0];
    const dk = deriveDecoderKey({ dkga: '02', vendingKey: 'abababababababab', keyType: 2, sgc: '123456', ti: '01', krn: 1, pan: meterPan('04123456784') });
    expect(decodeToken(dk, token)).toMatchObject({ amountTenths: 125, tid: 1000, rnd: 3, crcOk: true });
  });
  it('--help for the tool and for a command', () => {
    expect(sts(['--help']).out).toMatch(/Usage: sts/);
    const h = sts(['credit', '--help']);
    expect(h.status).toBe(0);
    expect(h.out).toMatch(/--kwh/);
  });
  it('refuses a wrong check digit without printing the key', () => {
    const r = sts(['credit', '--meter', '04123456785', '--kwh', '1', ...keyArgs]);
    expect(r.status).toBe(1);
    expect(r.err).toMatch(/BAD_CHECK_DIGIT/);
    expect(r.err + r.out).not.toContain('abababababababab');
  });
  it('decode and pan', () => {
    expect(JSON.parse(sts(['decode', '--token', '29054347139309851356', '--decoder-key', '0abc12def3456789']).out)).toMatchObject({ amountTenths: 256, crcOk: true });
    expect(sts(['pan', '--meter', '04123456784']).out.trim()).toBe(meterPan('04123456784'));
  });
});
