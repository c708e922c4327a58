// Step 3 for STS: ask the vendor for the token with the sale's id as idempotency key, but never
// keep the cashier waiting longer than the sale deadline. The answers:
// - a token -> issued; a definite refusal -> failed;
// - the request provably never reached the vendor (neverArrived) -> a token made on the counter;
// - a lost answer, or no answer by the deadline -> `unknown`: resolved later by asking about the
//   same key (or by the late answer itself), never by vending again.
import type { PaymentMethod, Quote } from '../../preload/contract';
import type { MeterRecord } from '../../db/repos/meters';
import { lastLocalTid, type Outcome } from '../../db/repos/sales';
import { vendLocally, mustStayLocal } from './local-vend';
import { settleLate, UNKNOWN_OUTCOME, vendorOutcome } from './issue-late';
import type { SalesDeps } from './ports';

export interface IssueResult { outcome: Outcome; persisted: boolean }

const DEADLINE = Symbol('deadline');

function withDeadline<T>(p: Promise<T>, ms: number): Promise<T | typeof DEADLINE> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<typeof DEADLINE>((resolve) => { timer = setTimeout(() => resolve(DEADLINE), ms); });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}

export async function issueSts(deps: SalesDeps, saleId: string, userId: number, quote: Quote, meter: MeterRecord, paymentMethod?: PaymentMethod): Promise<IssueResult> {
  const local = (why: string): IssueResult => {
    deps.log.info({ saleId, why }, 'vending on the counter');
    deps.onStep?.('answered', saleId);
    const o = vendLocally(deps, saleId, userId, quote, meter);
    return o ? { outcome: o, persisted: true } : { outcome: UNKNOWN_OUTCOME, persisted: true };
  };
  if (deps.vending.mode === 'local') return local('configured');
  if (mustStayLocal(deps, meter, lastLocalTid(deps.db.write, meter.id))) return local('a local token is ahead of the clock');

  // No attempt starts after the sale's deadline: once it has passed, the set of requests that may
  // carry this key is closed, and the verdict on an unknown outcome can be counted from the last.
  const notAfterMs = Date.now() + deps.vending.saleDeadlineMs;
  const call = deps.sts.chargeMeter({ meterNumber: quote.meterNumber, energyTenths: quote.energyTenths ?? 0, amountMinor: quote.valueMinor, purchaseMinor: quote.chargedMinor, paymentMethod, idempotencyKey: saleId, notAfterMs });
  const res = await withDeadline(call, deps.vending.saleDeadlineMs);
  if (res === DEADLINE) {
    // The request may still arrive: the sale is `unknown` (verify resolves it), and the late
    // answer, when it comes, settles it at once (a token, a refusal, or a local token if it
    // turns out the request never got there).
    deps.log.warn({ saleId, deadlineMs: deps.vending.saleDeadlineMs }, 'vendor slower than the sale deadline; outcome unknown for now');
    void call.then((late) => settleLate(deps, saleId, userId, quote, meter, late)).catch((e: unknown) => {
      deps.log.error({ saleId, err: (e as Error).message }, 'late vendor answer could not be recorded');
    });
    return { outcome: UNKNOWN_OUTCOME, persisted: false };
  }
  const o = vendorOutcome(deps, saleId, quote, res);
  if (o === null) return local('vendor unreachable');
  deps.onStep?.('answered', saleId);
  // A meter sold here online is one to be able to sell offline: ask for its lease, in the background.
  if (o.status === 'issued') deps.leases?.afterOnlineSale(meter.number);
  return { outcome: o, persisted: false };
}
