// What an XMLVend server vended, by sale id: its ledger is keyed by msgID, and the counter's
// xmlvend_messages table says which sale each creditVend msgID belongs to. A vend under a msgID no
// sale of the counter sent is a stranger (it must never happen).
import Database from 'better-sqlite3';
import type { XmlVendSim } from '../sim/xmlvend/server';
import type { StsCharges } from './ledger';

export function xmlvendCharges(dbFile: string, sim: XmlVendSim): StsCharges {
  const db = new Database(dbFile, { readonly: true });
  let rows: { key: string; date_time: string; unique_number: number }[];
  try {
    rows = db.prepare(`SELECT key, date_time, unique_number FROM xmlvend_messages WHERE kind = 'creditVend'`).all() as typeof rows;
  } finally {
    db.close();
  }
  const saleOf = new Map(rows.map((r) => [`${r.date_time}/${r.unique_number}`, r.key]));
  const byKey = new Map<string, { token: string }>();
  const strangers: string[] = [];
  for (const e of sim.ledger.entries()) {
    if (e.answer.type !== 'creditVend') continue;
    const id = `${e.msgId.dateTime}/${Number(e.msgId.uniqueNumber)}`;
    const sale = saleOf.get(id);
    if (!sale) strangers.push(id);
    else if (byKey.has(sale)) strangers.push(`${id} (a second vend for sale ${sale})`);
    else byKey.set(sale, { token: e.answer.sale.digits });
  }
  return { byKey, strangers };
}
