// The head office: receives sale records from the counters' outboxes and upserts them by sale id,
// counting how often each one arrived (at-least-once delivery makes repeats normal). The reference
// implementation of test/sim/head-office.openapi.yaml.
import { createHash } from 'node:crypto';
import { PushDeadLetterRequestSchema, PushSalesRequestSchema, PushZReportRequestSchema, PushedSaleSchema, type PushDeadLetterRequest } from '../../main/vendors/head-office/wire';
import { ZReportSchema } from '../../preload/contract';
import type { Credentials } from '../../main/vendors/signing';
import type { Sale } from '../../preload/contract';
import { startHttpSim, type HttpSim, type Route } from './kit/http-sim';
import { fail, okReply, parseBody, type SimReply } from './kit/replies';

export interface ReceivedSale {
  sale: Sale;
  receivedCount: number;
  firstReceivedAt: string;
  lastReceivedAt: string;
}

export interface HeadOfficeSim extends HttpSim {
  /** How many times the sale with this id was delivered (0 if never). */
  receivedCount(saleId: string): number;
  sale(saleId: string): ReceivedSale | undefined;
  sales(): ReceivedSale[];
  /** The Z reports received, by Z number, with how often each arrived. */
  zReports(): { zNo: number; hash: string; receivedCount: number }[];
  /** The dead letters reported, each in its latest state. */
  deadLetters(): PushDeadLetterRequest[];
}

export async function startHeadOfficeSim(opts: { port?: number; credentials: Credentials; now?: () => Date }): Promise<HeadOfficeSim> {
  const now = opts.now ?? (() => new Date());
  const store = new Map<string, ReceivedSale>();
  const zStore = new Map<number, { zNo: number; hash: string; receivedCount: number }>();
  const deadStore = new Map<number, PushDeadLetterRequest>();

  // A dead letter's state: the latest report (by its `at`) wins.
  function pushDead(body: unknown): SimReply {
    const p = parseBody(PushDeadLetterRequestSchema, body);
    if (!p.ok) return p.reply;
    const seen = deadStore.get(p.value.outboxId);
    const newer = !seen || Date.parse(p.value.at) >= Date.parse(seen.at);
    if (newer) deadStore.set(p.value.outboxId, p.value);
    return okReply({ outboxId: p.value.outboxId, stored: !seen ? 'new' : newer ? 'updated' : 'older' });
  }

  // A Z report: the hash must be the report's, one report per Z number, a repeat counted.
  function pushZ(body: unknown): SimReply {
    const p = parseBody(PushZReportRequestSchema, body);
    if (!p.ok) return p.reply;
    if (createHash('sha256').update(p.value.reportJson).digest('hex') !== p.value.hash) {
      return fail(422, 'Z_REPORT_HASH', 'The Z report does not match its hash', 'تقرير Z لا يطابق بصمته');
    }
    let report: { zNo: number };
    try {
      report = ZReportSchema.omit({ hash: true }).parse(JSON.parse(p.value.reportJson));
    } catch {
      return fail(422, 'BAD_REQUEST', 'Invalid Z report', 'تقرير Z غير صالح');
    }
    const seen = zStore.get(report.zNo);
    if (seen && seen.hash !== p.value.hash) return fail(409, 'Z_REPORT_CHANGED', `Z report No. ${report.zNo} was already received with other contents`, `تقرير Z رقم ${report.zNo} وصل من قبل بمحتوى آخر`);
    if (seen) seen.receivedCount += 1;
    else zStore.set(report.zNo, { zNo: report.zNo, hash: p.value.hash, receivedCount: 1 });
    return okReply({ zNo: report.zNo, stored: seen ? 'repeat' : 'new' });
  }

  function push(body: unknown): SimReply {
    const p = parseBody(PushSalesRequestSchema, body);
    if (!p.ok) return p.reply;
    const at = now().toISOString();
    const accepted: string[] = [];
    const rejected: { id: string | null; error: { code: string; message: { ar: string; en: string } } }[] = [];
    for (const raw of p.value.sales) {
      const s = PushedSaleSchema.safeParse(raw);
      if (!s.success) {
        const id = typeof (raw as { id?: unknown } | null)?.id === 'string' ? (raw as { id: string }).id : null;
        const fields = s.error.issues.map((i) => i.path.join('.')).join(', ');
        rejected.push({ id, error: { code: 'INVALID_SALE', message: { en: `Invalid sale record: ${fields}`, ar: `سجل بيع غير صالح: ${fields}` } } });
        continue;
      }
      const sale = s.data;
      const seen = store.get(sale.id);
      if (!seen) {
        store.set(sale.id, { sale, receivedCount: 1, firstReceivedAt: at, lastReceivedAt: at });
      } else {
        seen.receivedCount += 1;
        seen.lastReceivedAt = at;
        // Deliveries can arrive out of order; an older version must not overwrite a newer one.
        if (Date.parse(sale.updatedAt) >= Date.parse(seen.sale.updatedAt)) seen.sale = sale;
      }
      accepted.push(sale.id);
    }
    return okReply({ accepted, rejected });
  }

  const routes: Route[] = [
    { method: 'GET', pattern: /^\/api\/v1\/ping$/, handle: () => okReply({ status: 'ok', serverTime: now().toISOString() }) },
    { method: 'POST', pattern: /^\/api\/v1\/sales$/, handle: (r) => push(r.body) },
    { method: 'POST', pattern: /^\/api\/v1\/z-reports$/, handle: (r) => pushZ(r.body) },
    { method: 'POST', pattern: /^\/api\/v1\/dead-letters$/, handle: (r) => pushDead(r.body) },
    { method: 'GET', pattern: /^\/api\/v1\/sales$/, handle: () => okReply({ sales: [...store.values()] }) },
  ];

  const server = await startHttpSim({ port: opts.port, credentials: [opts.credentials], routes });
  return Object.assign(server, {
    receivedCount: (id: string) => store.get(id)?.receivedCount ?? 0,
    sale: (id: string) => store.get(id),
    sales: () => [...store.values()],
    zReports: () => [...zStore.values()],
    deadLetters: () => [...deadStore.values()],
  });
}
