/**
 * `xmlvend` — the XMLVend message tool checks rely on.
 *   npm run -s xmlvend -- parse <file> [--currency XXX]
 * prints ONE JSON line: {"type","reqMsgID","receiptNo","tokens":[{"kind","digits"}],
 * "transactions":[{"type","currency","minor"}],"fault"}. Anything wrong (no such file, not XML,
 * not XMLVend, a bad amount, a bad command) is one line on stderr and a non-zero exit.
 * --currency is the server's configured currency, for amount symbols that are not ISO codes.
 * All reading is in main/vendors/xmlvend/read.ts; this file only takes arguments and prints, and
 * imports nothing else so that it starts fast.
 */
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readXmlVend, XmlVendReadError } from '../main/vendors/xmlvend/read';
import type { ParsedMessage } from '../main/vendors/xmlvend/model';

const USAGE = 'usage: npm run -s xmlvend -- parse <file> [--currency XXX]';
const MAX_BYTES = 16 * 1024 * 1024;

class UsageError extends Error {}

/** The file's text: UTF-8 (with or without BOM) or UTF-16 with its BOM, as XML allows. */
function readText(file: string): string {
  let bytes: Buffer;
  try {
    if (statSync(file).size > MAX_BYTES) throw new UsageError(`${file} is larger than ${MAX_BYTES / 1024 / 1024} MB: not one message`);
    bytes = readFileSync(file);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : (code ?? 'unreadable');
    throw new UsageError(`cannot read ${file}: ${why}`);
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Exactly the keys the checks read, in this order. */
function summary(m: ParsedMessage): string {
  return JSON.stringify({
    type: m.type,
    reqMsgID: m.reqMsgID ? { dateTime: m.reqMsgID.dateTime, uniqueNumber: m.reqMsgID.uniqueNumber } : null,
    receiptNo: m.receiptNo,
    tokens: m.tokens.map((t) => ({ kind: t.kind, digits: t.digits })),
    transactions: m.transactions.map((t) => ({ type: t.type, currency: t.currency, minor: t.minor })),
    fault: m.fault ? { type: m.fault.type, description: m.fault.description } : null,
  });
}

function main(argv: string[]): string {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { currency: { type: 'string' } } });
  } catch (e) {
    throw new UsageError(`${e instanceof Error ? e.message.split('\n')[0] : String(e)}; ${USAGE}`);
  }
  const [command, file, ...rest] = parsed.positionals;
  if (command !== 'parse') throw new UsageError(command === undefined ? USAGE : `unknown command "${command}"; ${USAGE}`);
  if (file === undefined) throw new UsageError(`parse needs a file; ${USAGE}`);
  if (rest.length) throw new UsageError(`parse takes one file, got ${rest.length + 1}; ${USAGE}`);
  const currency = parsed.values.currency;
  return summary(readXmlVend(readText(file), currency === undefined ? {} : { currency }));
}

try {
  process.stdout.write(`${main(process.argv.slice(2))}\n`);
} catch (e) {
  // One line, never a stack: what is wrong with the input or the command.
  const message = e instanceof XmlVendReadError || e instanceof UsageError ? e.message : `unexpected error: ${e instanceof Error ? e.message : String(e)}`;
  process.stderr.write(`xmlvend: ${message.replace(/\s+/g, ' ').trim()}\n`);
  process.exitCode = e instanceof UsageError ? 2 : 1;
}
