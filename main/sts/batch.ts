import { z } from 'zod';
import { deriveDecoderKey } from './dkga';
import { StsError } from './errors';
import { meterPan } from './meter-number';
import { tidFromDate, type BaseDate } from './tid';
import {
  clearCreditToken,
  clearTamperToken,
  creditToken,
  keyChangeTokens,
  maxPowerLimitToken,
  testToken,
} from './token-classes';
import { decodeToken } from './decode';

/**
 * The `sts` tool's batch protocol (STS.md): one JSON object in, one JSON object out.
 * Pure: the caller reads stdin and writes stdout. Every failure becomes {"error": "..."} with a
 * message that names fields, never their values (lines carry vending and decoder keys).
 */
const hex = z.string().regex(/^[0-9a-fA-F]+$/, 'must be hexadecimal');
const int = z.number().int();
const baseDate = z.union([z.literal(1993), z.literal(2014), z.literal(2035)]);
const ea = z.enum(['07', '11']).optional();
const isoInstant = z
  .string()
  .regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/, 'must be an ISO date-time with Z or an offset')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'is not a valid date');
/** Either "tid", or "issuedAt" with "baseDate". */
const when = { tid: int.optional(), issuedAt: isoInstant.optional(), baseDate: baseDate.optional() };
const withTid = { decoderKey: hex, rnd: int, ea, ...when };

const Line = z.discriminatedUnion('op', [
  z.strictObject({
    op: z.literal('key'),
    dkga: z.enum(['02', '04']),
    vendingKey: hex,
    keyType: int,
    sgc: z.string(),
    ti: z.string(),
    krn: int,
    pan: z.string().optional(),
    meter: z.string().optional(),
    baseDate: baseDate.optional(),
    ea,
  }),
  z.strictObject({ op: z.literal('credit'), subclass: int.default(0), tenths: int, ...withTid }),
  z.strictObject({ op: z.literal('mpl'), watts: int, ...withTid }),
  z.strictObject({ op: z.literal('clear-credit'), register: int, ...withTid }),
  z.strictObject({ op: z.literal('clear-tamper'), ...withTid }),
  z.strictObject({
    op: z.literal('kct'),
    decoderKey: hex,
    newDecoderKey: hex,
    ken: int.default(255),
    krn: int,
    rollover: z.boolean().default(false),
    keyType: int,
    ti: z.union([z.string(), int]),
  }),
  z.strictObject({ op: z.literal('test'), subclass: z.union([z.literal(0), z.literal(1)]), control: int, mfr: int }),
  z.strictObject({ op: z.literal('decode'), decoderKey: hex.optional(), token: z.string(), ea }),
]);
type Line = z.infer<typeof Line>;
const OPS = ['key', 'credit', 'mpl', 'clear-credit', 'clear-tamper', 'kct', 'test', 'decode'];

function resolveTid(l: { tid?: number | undefined; issuedAt?: string | undefined; baseDate?: BaseDate | undefined }): number {
  if (l.tid !== undefined) {
    if (l.issuedAt !== undefined) throw new StsError('BAD_INPUT', 'give either tid or issuedAt, not both');
    return l.tid;
  }
  if (l.issuedAt === undefined || l.baseDate === undefined) {
    throw new StsError('BAD_INPUT', 'give tid, or issuedAt together with baseDate');
  }
  return tidFromDate(new Date(l.issuedAt), l.baseDate);
}

function run(l: Line): Record<string, unknown> {
  switch (l.op) {
    case 'key': {
      if ((l.pan === undefined) === (l.meter === undefined)) throw new StsError('BAD_INPUT', 'give exactly one of pan or meter');
      const pan = l.pan ?? meterPan(l.meter!);
      const { op: _op, meter: _m, ...p } = l;
      return { decoderKey: deriveDecoderKey({ ...p, pan }) };
    }
    case 'credit':
      return { token: creditToken({ ...l, tid: resolveTid(l) }) };
    case 'mpl':
      return { token: maxPowerLimitToken({ ...l, tid: resolveTid(l) }) };
    case 'clear-credit':
      return { token: clearCreditToken({ ...l, tid: resolveTid(l) }) };
    case 'clear-tamper':
      return { token: clearTamperToken({ ...l, tid: resolveTid(l) }) };
    case 'kct':
      return { tokens: keyChangeTokens(l) };
    case 'test':
      return { token: testToken(l) };
    case 'decode': {
      // same field order as STS.md; the raw data block is left out of the batch format
      const { dataBlock: _block, crcOk, ...d } = decodeToken(l.decoderKey ?? '', l.token, l.ea);
      return { ...d, crcOk };
    }
  }
}

function zodMessage(e: z.ZodError): string {
  return e.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

/** Handles one input line (already parsed or raw text). Never throws. */
export function handleBatchLine(line: string | unknown): Record<string, unknown> {
  let value: unknown = line;
  if (typeof line === 'string') {
    try {
      value = JSON.parse(line);
    } catch {
      return { error: 'line is not valid JSON' }; // JSON.parse's own message quotes the input
    }
  }
  const op = (value as { op?: unknown } | null)?.op;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: 'line must be a JSON object' };
  if (typeof op !== 'string' || !OPS.includes(op)) return { error: `op must be one of ${OPS.join(', ')}` };
  const parsed = Line.safeParse(value);
  if (!parsed.success) return { error: zodMessage(parsed.error) };
  try {
    return run(parsed.data);
  } catch (e) {
    if (e instanceof StsError) return { error: `${e.code}: ${e.message}` };
    return { error: 'internal error' };
  }
}
