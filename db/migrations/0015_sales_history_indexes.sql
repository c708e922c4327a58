-- 0015: the sales history's pages straight from an index, among millions of sales.
-- history.search lists sales newest first, ORDER BY created_at DESC, receipt_no DESC (receipt_no
-- makes the order total), a page at a time from a keyset cursor: (created_at, receipt_no) < the
-- last row shown. Each filter the screen offers gets an index that ends in exactly that order, so
-- SQLite walks it backwards from the cursor and stops after one page: no sort of every matching
-- sale, no OFFSET walk, and a bounded count reads only the index (EXPLAIN QUERY PLAN checked in
-- test/integration/db/plans/history.test.ts; timed with npm run bench:scale).
-- The three single-column indexes are widened in place (same name, one more index entry per sale
-- than before only for the new cashier index), and every query that used them keeps its prefix:
-- the Z report's shift_id = ?, the open sales' status IN (...), a day's sales by created_at.
DROP INDEX sales_created;
CREATE INDEX sales_created ON sales(created_at, receipt_no);
DROP INDEX sales_status;
CREATE INDEX sales_status ON sales(status, created_at, receipt_no);
DROP INDEX sales_shift;
CREATE INDEX sales_shift ON sales(shift_id, created_at, receipt_no);
-- The cashier filter: one cashier's sales, newest first.
CREATE INDEX sales_user ON sales(user_id, created_at, receipt_no);
