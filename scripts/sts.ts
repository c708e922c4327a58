/**
 * `sts` — the STS token tool.
 *   npx tsx scripts/sts.ts < lines.jsonl            batch: one JSON object per line in, one out
 *   npx tsx scripts/sts.ts credit --meter … --kwh …  human subcommands (see --help)
 * All token logic is in main/sts; this file only reads arguments/stdin and prints.
 */
import { randomInt } from 'node:crypto';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import {
  clearCreditToken, clearTamperToken, creditToken, decodeToken, deriveDecoderKey, formatToken, handleBatchLine,
  keyChangeTokens, meterPan, maxPowerLimitToken, StsError, testToken, tidFromDate, type BaseDate,
} from '../main/sts';

const KEY_OPTS = {
  'decoder-key': { type: 'string' }, 'vending-key': { type: 'string' }, dkga: { type: 'string', default: '02' },
  'key-type': { type: 'string', default: '2' }, sgc: { type: 'string' }, ti: { type: 'string' }, krn: { type: 'string' },
  meter: { type: 'string' }, pan: { type: 'string' }, 'base-date': { type: 'string', default: '2014' },
  ea: { type: 'string', default: '07' }, at: { type: 'string' }, tid: { type: 'string' }, rnd: { type: 'string' },
} as const;
const KEY_HELP = `Key (either):
  --decoder-key HEX                     the meter's decoder key (natural order)
  --vending-key HEX --sgc 6DIGITS --ti 2DIGITS --krn N (--meter 11|13 DIGITS | --pan 18 DIGITS)
      [--dkga 02|04] [--key-type 0-3, default 2]
      The vending key may come from the STS_VENDING_KEY environment variable instead (keeps it out of ps).
Common: [--base-date 1993|2014|2035, default 2014] [--ea 07|11] [--at ISO time, default now] [--tid N] [--rnd 0-15]`;

const COMMANDS: Record<string, { usage: string; extra: Record<string, { type: 'string' | 'boolean' }>; run: (o: Opts) => string }> = {
  credit: {
    usage: 'credit --meter 04123456784 --kwh 12.5 <key>   [--subclass 0-7] (or --tenths N instead of --kwh)',
    extra: { kwh: { type: 'string' }, tenths: { type: 'string' }, subclass: { type: 'string' } },
    run: (o) => {
      const tenths = g(o, 'tenths') !== undefined ? int(g(o, 'tenths'), 'tenths') : kwhToTenths(req(g(o, 'kwh'), 'kwh'));
      const tid = tidOf(o);
      const token = creditToken({ decoderKey: key(o), subclass: int(g(o, 'subclass') ?? '0', 'subclass'), tid, rnd: rnd(o), tenths, ea: ea(o) });
      return `${formatToken(token)}\nTID ${tid}, ${tenths} tenths requested`;
    },
  },
  mpl: {
    usage: 'mpl --watts N <key>        set maximum power limit',
    extra: { watts: { type: 'string' } },
    run: (o) => formatToken(maxPowerLimitToken({ decoderKey: key(o), tid: tidOf(o), rnd: rnd(o), watts: int(req(g(o, 'watts'), 'watts'), 'watts'), ea: ea(o) })),
  },
  'clear-credit': {
    usage: 'clear-credit [--register N, default 65535 = all] <key>',
    extra: { register: { type: 'string' } },
    run: (o) => formatToken(clearCreditToken({ decoderKey: key(o), tid: tidOf(o), rnd: rnd(o), register: int(g(o, 'register') ?? '65535', 'register'), ea: ea(o) })),
  },
  'clear-tamper': {
    usage: 'clear-tamper <key>',
    extra: {},
    run: (o) => formatToken(clearTamperToken({ decoderKey: key(o), tid: tidOf(o), rnd: rnd(o), ea: ea(o) })),
  },
  kct: {
    usage: 'kct --decoder-key OLD --new-decoder-key NEW --new-krn N --new-ti NN [--new-key-type 2] [--ken 255] [--rollover]',
    extra: { 'new-decoder-key': { type: 'string' }, 'new-krn': { type: 'string' }, 'new-ti': { type: 'string' }, 'new-key-type': { type: 'string' }, ken: { type: 'string' }, rollover: { type: 'boolean' } },
    run: (o) =>
      keyChangeTokens({
        decoderKey: key(o), newDecoderKey: req(g(o, 'new-decoder-key'), 'new-decoder-key'), ken: int(g(o, 'ken') ?? '255', 'ken'),
        krn: int(req(g(o, 'new-krn'), 'new-krn'), 'new-krn'), rollover: o.rollover === true,
        keyType: int(g(o, 'new-key-type') ?? '2', 'new-key-type'), ti: req(g(o, 'new-ti'), 'new-ti'),
      }).map(formatToken).join('\n'),
  },
  test: {
    usage: 'test [--subclass 0|1] [--control N, default 1] [--mfr N, default 0]   (not encrypted, no key)',
    extra: { subclass: { type: 'string' }, control: { type: 'string' }, mfr: { type: 'string' } },
    run: (o) => formatToken(testToken({ subclass: int(g(o, 'subclass') ?? '0', 'subclass') as 0 | 1, control: int(g(o, 'control') ?? '1', 'control'), mfr: int(g(o, 'mfr') ?? '0', 'mfr') })),
  },
  decode: {
    usage: 'decode --token DIGITS [<key>]',
    extra: { token: { type: 'string' } },
    run: (o) => {
      const { dataBlock: _b, ...d } = decodeToken(g(o, 'decoder-key') || g(o, 'vending-key') || process.env.STS_VENDING_KEY ? key(o) : '', req(g(o, 'token'), 'token'), ea(o));
      return JSON.stringify(d, null, 2);
    },
  },
  key: {
    usage: 'key <key>                  print the decoder key derived from the vending key',
    extra: {},
    run: (o) => key(o),
  },
  pan: {
    usage: 'pan --meter DIGITS         check a meter number and print its 18-digit PAN',
    extra: {},
    run: (o) => meterPan(req(g(o, 'meter'), 'meter')),
  },
};
type Opts = Record<string, string | boolean | undefined>;
/** The string value of an option (parseArgs also yields booleans for flags). */
const g = (o: Opts, k: string): string | undefined => (typeof o[k] === 'string' ? (o[k] as string) : undefined);

function req(v: string | undefined, name: string): string {
  if (v === undefined || v === '') throw new StsError('BAD_INPUT', `--${name} is required`);
  return v;
}
function int(v: string | undefined, name: string): number {
  if (!/^\d+$/.test(req(v, name))) throw new StsError('BAD_INPUT', `--${name} must be a whole number`);
  return Number(v);
}
/** "12.5" -> 125 from the digits, never via a float multiplication. */
function kwhToTenths(kwh: string): number {
  const m = /^(\d+)(?:\.(\d))?$/.exec(kwh);
  if (!m) throw new StsError('BAD_INPUT', '--kwh must be a number with at most one decimal');
  return Number(m[1]) * 10 + Number(m[2] ?? '0');
}
const ea = (o: Opts) => (g(o, 'ea') === '11' ? '11' : g(o, 'ea') === '07' ? '07' : bad('--ea must be 07 or 11'));
const rnd = (o: Opts) => (g(o, 'rnd') !== undefined ? int(g(o, 'rnd'), 'rnd') : randomInt(16));
const baseDate = (o: Opts) => int(g(o, 'base-date') ?? '2014', 'base-date') as BaseDate;
function bad(msg: string): never {
  throw new StsError('BAD_INPUT', msg);
}
function tidOf(o: Opts): number {
  if (g(o, 'tid') !== undefined) return int(g(o, 'tid'), 'tid');
  const at = g(o, 'at');
  return tidFromDate(at !== undefined ? new Date(at) : new Date(), baseDate(o));
}
function key(o: Opts): string {
  const dk = g(o, 'decoder-key');
  if (dk) return dk;
  const vendingKey = g(o, 'vending-key') ?? process.env.STS_VENDING_KEY;
  const pan = g(o, 'pan') ?? meterPan(req(g(o, 'meter'), 'meter'));
  return deriveDecoderKey({
    dkga: g(o, 'dkga') === '04' ? '04' : g(o, 'dkga') === '02' ? '02' : bad('--dkga must be 02 or 04'),
    vendingKey: req(vendingKey, 'vending-key'), keyType: int(g(o, 'key-type') ?? '2', 'key-type'), sgc: req(g(o, 'sgc'), 'sgc'),
    ti: req(g(o, 'ti'), 'ti'), krn: int(req(g(o, 'krn'), 'krn'), 'krn'), pan, baseDate: baseDate(o), ea: ea(o),
  });
}

const USAGE = `Usage: sts [batch]                      JSON lines on stdin -> one JSON result per line on stdout
       sts <command> [options]   commands: ${Object.keys(COMMANDS).join(', ')}
       sts <command> --help
Batch ops (STS.md): key, credit, mpl, clear-credit, clear-tamper, kct, test, decode; a bad line
prints {"error": "..."} and the run goes on.`;

async function batch(): Promise<void> {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    if (line.trim() === '') continue;
    process.stdout.write(JSON.stringify(handleBatchLine(line)) + '\n');
  }
}

async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd === undefined && process.stdin.isTTY) return console.log(USAGE), 0; // nothing piped in
  if (cmd === undefined || cmd === 'batch') return batch().then(() => 0);
  if (cmd === '--help' || cmd === '-h' || cmd === 'help') return console.log(USAGE), 0;
  const c = COMMANDS[cmd];
  if (!c) return console.error(`unknown command: ${cmd}\n${USAGE}`), 2;
  if (rest.includes('--help') || rest.includes('-h')) {
    return console.log(`Usage: sts ${c.usage}\n${cmd === 'test' || cmd === 'pan' ? '' : KEY_HELP}`), 0;
  }
  try {
    const { values } = parseArgs({ args: rest, options: { ...KEY_OPTS, ...c.extra }, strict: true });
    console.log(c.run(values as Opts));
    return 0;
  } catch (e) {
    // StsError messages are safe to print; parseArgs errors name the option only
    const msg = e instanceof StsError ? `${e.code}: ${e.message}` : e instanceof Error && 'code' in e ? e.message : 'internal error';
    console.error(`sts ${cmd}: ${msg}`);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
