// The captured XMLVend messages (test/fixtures/xmlvend/samples, copied verbatim from the project's
// reference material; SOURCES.md there says where each came from) and the summary
// of a read message that the CLI prints.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ParsedMessage } from '../../../main/vendors/xmlvend/model';
import { readXmlVend } from '../../../main/vendors/xmlvend/read';

export const ROOT = join(__dirname, '..', '..', '..');
export const SAMPLES = join(ROOT, 'test', 'fixtures', 'xmlvend', 'samples');
export const sample = (name: string): string => readFileSync(join(SAMPLES, name), 'utf8');
export const read = (name: string, currency?: string): ParsedMessage => readXmlVend(sample(name), currency ? { currency } : {});

/** What `npm run -s xmlvend -- parse` prints for a message, as an object. */
export function summary(m: ParsedMessage) {
  return {
    type: m.type,
    reqMsgID: m.reqMsgID,
    receiptNo: m.receiptNo,
    tokens: m.tokens.map((t) => ({ kind: t.kind, digits: t.digits })),
    transactions: m.transactions.map((t) => ({ type: t.type, currency: t.currency, minor: t.minor })),
    fault: m.fault ? { type: m.fault.type, description: m.fault.description } : null,
  };
}
