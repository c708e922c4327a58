// The simulated counters pushing their plans: each with its own counter-side client
// (main/vendors/head-office/client.ts, signing with its own key and secret), one request at a time
// per counter as a counter's outbox worker sends, all counters at once. A push with no answer
// (a cut connection) is sent again after the outbox's backoff (doubling, equal jitter), with a
// shorter base than a counter's 2 s so a run does not mostly wait.
import { setTimeout as sleep } from 'node:timers/promises';
import type { NewCounter } from '../../../head-office/counters';
import { backoffDelay } from '../../../main/common/backoff';
import { createHeadOfficeClient } from '../../../main/vendors/head-office/client';
import { neverArrived } from '../../../main/vendors/outcome';
import type { CounterPlan } from './plan';

const RETRY = { baseMs: 50, maxMs: 2_000, jitter: 'equal' as const };

export interface PushReport {
  requests: number;
  /** Requests that got no answer (and were sent again). */
  unanswered: number;
  /** Per sale id: deliveries beyond the plan the service may have stored (requests that may have arrived but got no answer). */
  mayHaveArrived: Map<string, number>;
  /** What went wrong for good (a refusal, a sale not accepted): empty when all went through. */
  failures: string[];
}

export async function pushPlans(baseUrl: string, counters: readonly NewCounter[], plans: readonly CounterPlan[]): Promise<PushReport> {
  const report: PushReport = { requests: 0, unanswered: 0, mayHaveArrived: new Map(), failures: [] };
  await Promise.all(counters.map(async (counter, i) => {
    const client = createHeadOfficeClient({ baseUrl, apiKey: counter.apiKey, apiSecret: counter.apiSecret, merchantId: null, timeoutMs: 30_000, retryAttempts: 0 });
    for (const batch of plans[i]!.batches) {
      for (let retry = 0; ; retry++) {
        report.requests++;
        const o = await client.pushSales(batch);
        if (o.kind === 'ok') {
          const accepted = new Set(o.value.accepted);
          const missing = batch.filter((s) => !accepted.has(s.id));
          if (missing.length > 0 || o.value.rejected.length > 0) {
            report.failures.push(`${counter.name}: ${missing.length} sales not accepted, ${o.value.rejected.length} rejected (${JSON.stringify(o.value.rejected.slice(0, 2))})`);
          }
          break;
        }
        if (o.kind === 'refused') {
          report.failures.push(`${counter.name}: refused ${o.code}: ${o.message.en}`);
          return;
        }
        report.unanswered++;
        if (!neverArrived(o)) for (const s of batch) report.mayHaveArrived.set(s.id, (report.mayHaveArrived.get(s.id) ?? 0) + 1);
        if (retry >= 30) {
          report.failures.push(`${counter.name}: no answer after ${retry + 1} attempts (${o.reason})`);
          return;
        }
        await sleep(backoffDelay(retry, RETRY));
      }
    }
  }));
  return report;
}
