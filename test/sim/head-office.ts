// The head office: receives sale records from the counters' outboxes and upserts them by sale id,
// counting how often each one arrived (at-least-once delivery makes repeats normal). The reference
// implementation of test/sim/head-office.openapi.yaml.
import { PushSalesRequestSchema, PushedSaleSchema } from '../../main/vendors/head-office/wire';
import type { Credentials } from '../../main/vendors/signing';
import type { Sale } from '../../preload/contract';
import { startHttpSim, type HttpSim, type Route } from './kit/http-sim';
import { okReply, parseBody, type SimReply } from './kit/replies';

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
}

export async function startHeadOfficeSim(opts: { port?: number; credentials: Credentials; now?: () => Date }): Promise<HeadOfficeSim> {
  const now = opts.now ?? (() => new Date());
  const store = new Map<string, ReceivedSale>();

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
    { method: 'GET', pattern: /^\/api\/v1\/sales$/, handle: () => okReply({ sales: [...store.values()] }) },
  ];

  const server = await startHttpSim({ port: opts.port, credentials: [opts.credentials], routes });
  return Object.assign(server, {
    receivedCount: (id: string) => store.get(id)?.receivedCount ?? 0,
    sale: (id: string) => store.get(id),
    sales: () => [...store.values()],
  });
}
