// Step 5: the receipt is printed from the stored sale. A printer fault never touches the sale:
// it is recorded as the sale's print status and the cashier can print again.
import { getSale, printCount, setPrintStatus } from '../../db/repos/sales';
import type { SalesDeps } from './ports';

export async function printSale(deps: Pick<SalesDeps, 'db' | 'printer' | 'now' | 'log'>, saleId: string, forceCopy: boolean): Promise<{ printed: boolean; copy: boolean; error: string | null }> {
  const sale = getSale(deps.db.write, saleId);
  if (!sale) return { printed: false, copy: false, error: 'no such sale' };
  const copy = forceCopy || printCount(deps.db.write, saleId) > 0;
  try {
    await deps.printer.print(sale, copy);
    setPrintStatus(deps.db.write, saleId, 'printed', deps.now().toISOString(), true);
    return { printed: true, copy, error: null };
  } catch (e) {
    const message = (e as Error).message;
    deps.log.warn({ saleId, err: message }, 'receipt not printed');
    setPrintStatus(deps.db.write, saleId, 'failed', deps.now().toISOString(), false);
    return { printed: false, copy, error: message };
  }
}
