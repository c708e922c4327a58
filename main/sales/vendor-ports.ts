// Plugs the configured vendor clients into the sale flow. A product whose vendor is not
// configured is refused with words a cashier understands, not a crash. The clients are looked up
// in the holder at every call, so settings saved in Settings > Vendors apply to the next request.
import type { Bilingual } from '../../preload/contract';
import type { VendorConfig } from '../vendors/config';
import { holderOf, type VendorClients, type VendorHolder } from '../vendors/holder';
import type { HeadOfficeClient } from '../vendors/head-office/client';
import { mapOutcome, type VendorOutcome } from '../vendors/outcome';
import type { StsVendorPort } from './ports';
import type { AcrelPort, HeadOfficePort } from './deliveries';

const notConfigured = (what: Bilingual): VendorOutcome<never> => ({ kind: 'refused', code: 'NOT_CONFIGURED', message: what });
const GONE = (what: string): VendorOutcome<never> => ({
  kind: 'unknown',
  reason: `the ${what} endpoint that received this request can no longer be opened (its credentials were sealed under another master key); it will not be asked elsewhere`,
});
const STS_OFF = { en: 'STS token sales are not configured at this counter.', ar: 'بيع رموز STS غير مهيأ في هذا المركز.' };
const ACREL_OFF = { en: 'Cloud meter credit is not configured at this counter.', ar: 'شحن العدادات السحابية غير مهيأ في هذا المركز.' };

/**
 * tidOf: the TID of a token a server made without saying it (meters/token-tid.ts), so the meter's token
 * ledger knows it before this counter makes one of its own.
 */
export function createVendorPorts(
  from: VendorHolder | VendorConfig,
  tidOf: (meterNumber: string, token: string, energyTenths: number) => number | null = () => null,
): { sts: StsVendorPort; acrel: AcrelPort; headOffice: HeadOfficePort & Pick<HeadOfficeClient, 'pushZReport' | 'pushDeadLetter'>; probe: () => Promise<boolean> } {
  const holder = holderOf(from);
  const now = () => holder.current();
  const withTid = <T extends { meterNumber: string; token: string; tid: number | null; energyTenths: number }>(v: T): T =>
    (v.tid === null ? { ...v, tid: tidOf(v.meterNumber, v.token, v.energyTenths) } : v);
  // A request about a key goes where that key's first attempt went: the ledger knows;
  // without a record (nothing sent yet, or a sale older than the ledger) the clients in force.
  const boundTo = (key: string): { clients: Partial<VendorClients>; gone: boolean } => {
    const endpointId = holder.ledger?.summary(key).endpointId ?? null;
    if (endpointId === null) return { clients: now(), gone: false };
    const clients = holder.at(endpointId);
    return { clients: clients ?? {}, gone: clients === null };
  };
  return {
    sts: {
      chargeMeter: async (i) => mapOutcome(await (now().sts?.chargeMeter(i) ?? notConfigured(STS_OFF)), withTid),
      verifyCharge: async (i) => {
        const b = boundTo(i.idempotencyKey);
        if (b.gone) return GONE('STS vendor');
        return mapOutcome(await (b.clients.sts?.verifyCharge(i) ?? notConfigured(STS_OFF)), (v) => (v.found ? withTid(v) : v));
      },
      sentAttempts: (key) => {
        const s = holder.ledger?.summary(key);
        // No ledger (a tool, a test's fixed configuration): assume something may have been sent.
        return s ?? { count: 1, lastSignedAtMs: null, lastAbortAtMs: null, notAfterMs: null };
      },
      pricesSales: () => now().sts?.price !== undefined,
      price: async (i) => now().sts?.price?.(i) ?? notConfigured(STS_OFF),
    },
    acrel: {
      rechargeBalance: async (i) => {
        const b = boundTo(i.idempotencyKey);
        if (b.gone) return GONE('Acrel cloud');
        return b.clients.acrel?.rechargeBalance(i) ?? notConfigured(ACREL_OFF);
      },
    },
    headOffice: {
      pushSales: async (sales, counts) =>
        now().headOffice?.pushSales(sales, counts) ?? { kind: 'unknown', reason: 'unreachable: no head office is configured; sales stay in the outbox' },
      pushZReport: async (z) =>
        now().headOffice?.pushZReport(z) ?? { kind: 'unknown', reason: 'unreachable: no head office is configured; Z reports stay in the outbox' },
      pushDeadLetter: async (d) =>
        now().headOffice?.pushDeadLetter(d) ?? { kind: 'unknown', reason: 'unreachable: no head office is configured; reports stay in the outbox' },
    },
    // "Online" means the head office answers; with none configured, the vendors stand in.
    probe: async () => {
      const { sts, acrel, headOffice } = now();
      const target = headOffice ?? sts ?? acrel;
      if (!target) return false;
      const r = 'ping' in target ? await target.ping() : await target.testConnection();
      return r.kind === 'ok';
    },
  };
}
