// sales.*: the sale itself: the quote the cashier confirms, the sale, its receipt (printed at most
// once as the original; every later print is a COPY that may need a supervisor), recent and
// still-open sales.
import { getSale, openSales, recentSales } from '../../db/repos/sales';
import { guardCopy, nextPrintIsCopy } from '../auth/reprint-guard';
import { err } from '../common/errors';
import { requireUser, type NamespaceHandlers } from '../ipc/handlers';
import { quoteToConfirm } from './confirmed-price';
import { printOutcome, printSale } from '../printing/receipts';
import type { SalesDeps } from './ports';
import { sell } from './sell';

const noSale = () => err('NOT_FOUND', 'No such sale.', 'لا توجد عملية بيع بهذا الرقم.');

export function salesHandlers(sales: SalesDeps): NamespaceHandlers<'sales'> {
  const r = sales.db.read;
  return {
    'sales.quote': (input) => quoteToConfirm(sales, input),
    'sales.sell': (input, ctx) => sell(sales, requireUser(ctx), input),
    'sales.get': ({ id }) => getSale(r, id) ?? (() => { throw noSale(); })(),
    'sales.recent': ({ limit }) => recentSales(r, limit),
    'sales.pending': ({ limit }) => openSales(r, limit),
    'sales.print': async ({ id, approvalToken }, ctx) => {
      if (!getSale(r, id)) throw noSale();
      const user = requireUser(ctx);
      if (nextPrintIsCopy(sales.db.write, id)) guardCopy(sales.db.write, user, id, approvalToken, sales.now().toISOString());
      return printOutcome(await printSale(sales, id, false, user.id));
    },
  };
}
