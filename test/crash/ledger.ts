// The proof both the crash and the network test end with: the counter's ledger against what the
// simulators did, sale for sale. Returns every disagreement (an empty list means they agree).
import Database from 'better-sqlite3';
import { decodeToken } from '../../main/sts';
import type { Simulators } from '../sim';
import type { Sale } from '../../preload/contract';

interface Row { id: string; meter_number: string; product: string; status: string; token: string | null; token_source: string | null; sts_tid: number | null; energy_tenths: number | null; value_minor: number }

/** The vendor's vends by sale id, and any vend no sale of the counter asked for. */
export interface StsCharges { byKey: Map<string, { token: string }>; strangers: string[] }

export interface LedgerReport { sales: number; byState: Record<string, number>; problems: string[]; headOfficeRepeats: number }

/**
 * stsCharges: what the STS vendor vended, by sale id — the STS cloud's own record by default; an
 * XMLVend server's ledger mapped through the counter's msgIDs (xmlvend-charges.ts) otherwise.
 */
export function compareLedger(dbFile: string, sims: Pick<Simulators, 'sts' | 'acrel' | 'headOffice'>, stsCharges?: StsCharges): LedgerReport {
  const charges: StsCharges = stsCharges ?? { byKey: new Map([...sims.sts.chargesByKey].map(([k, c]) => [k, { token: c.token }])), strangers: [] };
  const db = new Database(dbFile, { readonly: true });
  let rows: Row[];
  try {
    rows = db.prepare('SELECT id, meter_number, product, status, token, token_source, sts_tid, energy_tenths, value_minor FROM sales ORDER BY receipt_no').all() as Row[];
  } finally {
    db.close();
  }
  const problems: string[] = [];
  const byState: Record<string, number> = {};
  const ids = new Set(rows.map((r) => r.id));
  const tokensByMeter = new Map<string, { tid: number; token: string; id: string }[]>();
  for (const r of rows) {
    const state = `${r.product}:${r.status}${r.token_source ? `:${r.token_source}` : ''}`;
    byState[state] = (byState[state] ?? 0) + 1;
    if (r.status !== 'issued' && r.status !== 'failed') problems.push(`${r.id} is still ${r.status}`);
    if (r.product === 'sts_kwh') {
      const charge = charges.byKey.get(r.id);
      if (r.status === 'issued' && r.token_source === 'vendor' && charge?.token !== r.token) problems.push(`${r.id}: vendor token differs from the vendor's record`);
      if ((r.status === 'failed' || r.token_source === 'local') && charge) problems.push(`${r.id}: ${r.status}/${r.token_source} but the vendor charged it`);
      if (r.status === 'issued') {
        const d = decodeToken(sims.sts.meters.decoderKey(r.meter_number), r.token!);
        if (!d.crcOk || (d.amountTenths ?? -1) < (r.energy_tenths ?? 0)) problems.push(`${r.id}: token does not carry the sale's energy`);
        if (r.sts_tid !== null && r.sts_tid !== d.tid) problems.push(`${r.id}: stored TID ${r.sts_tid} is not the token's ${d.tid}`);
        tokensByMeter.set(r.meter_number, [...(tokensByMeter.get(r.meter_number) ?? []), { tid: d.tid!, token: r.token!, id: r.id }]);
      }
    } else if (r.product === 'acrel_credit') {
      const rec = sims.acrel.rechargesByKey.get(r.id);
      if (r.status === 'issued' && (!rec || rec.amountMinor !== r.value_minor)) problems.push(`${r.id}: issued credit not (or not exactly) in the cloud`);
      if (r.status === 'failed' && rec) problems.push(`${r.id}: failed but the cloud credited it`);
    }
    const ho = sims.headOffice.sale(r.id)?.sale as Sale | undefined;
    if (!ho) problems.push(`${r.id}: not at the head office`);
    else if (ho.status !== r.status || ho.token !== r.token || ho.tokenSource !== r.token_source) problems.push(`${r.id}: head office has ${ho.status}/${ho.tokenSource}, counter ${r.status}/${r.token_source}`);
  }
  for (const k of charges.byKey.keys()) if (!ids.has(k)) problems.push(`vendor charged ${k}, which is no sale of this counter`);
  for (const s of charges.strangers) problems.push(`vendor vended ${s}, which no sale of this counter sent`);
  for (const k of sims.acrel.rechargesByKey.keys()) if (!ids.has(k)) problems.push(`cloud credited ${k}, which is no sale of this counter`);
  const hoSales = sims.headOffice.sales();
  for (const s of hoSales) if (!ids.has(s.sale.id)) problems.push(`head office has ${s.sale.id}, which is no sale of this counter`);
  // Every token loads on its meter exactly once: typed in TID order, none is refused as used.
  for (const [meter, list] of tokensByMeter) {
    for (const t of list.sort((a, b) => a.tid - b.tid)) {
      const e = sims.sts.meters.enterToken(meter, t.token);
      if (!e.accepted) problems.push(`${t.id}: meter ${meter} refused its token (${e.reason}, TID ${t.tid})`);
    }
  }
  return { sales: rows.length, byState, problems, headOfficeRepeats: hoSales.filter((s) => s.receivedCount > 1).length };
}
