-- Indexes for the reports across counters (head-office/reports, head-office/db/reports.ts). A day's
-- sales are found through sales_by_time (0006, the console's sales search); without these two, the
-- other reports read the whole ledger: the few sales still open among millions delivered, and a
-- shift's sales behind each Z report. Each is shown replacing a scan of the ledger in
-- test/integration/head-office/migrations/report-indexes.test.ts (EXPLAIN ANALYZE). Sales arrive
-- in about the order they were made, so the B-trees grow at their edge (per counter for the second):
-- ingesting 40,000 sales through ingestSales measured no difference with and without them.
-- Built inside the migration's transaction: ingest waits while they are built on an existing
-- ledger, once (the test prints how long they took on its ledger).

-- Outstanding sales: only the open ones are indexed, so the index stays as small as what is open.
CREATE INDEX sales_open ON sales (sold_at) WHERE status IN ('paid', 'pending', 'unknown');

-- A Z report's sales: that counter's, made (created: the commit the counter attached the sale to
-- its shift in, which may be later than the quote's sold_at) between the shift's opening and its
-- close; the cashier is checked on the rows found.
CREATE INDEX sales_shift ON sales (counter_id, created_at);
