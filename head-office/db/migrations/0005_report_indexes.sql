-- Indexes for the reports across counters (head-office/reports, head-office/db/reports.ts). Without
-- them every report reads the whole ledger: a day's sales, the few sales still open among millions
-- delivered, and a shift's sales behind each Z report. Each is shown replacing a sequential scan in
-- test/integration/head-office/migrations/report-indexes.test.ts (EXPLAIN ANALYZE). Sales arrive
-- in about the order they were made, so each B-tree below grows at its edge (per counter for the
-- last one): ingesting 40,000 sales through ingestSales measured no difference with and without them.
-- Built inside the migration's transaction: ingest waits while they are built on an existing
-- ledger, once (the test prints how long they took on its ledger).

-- Sales per day: the local days of a range are one range of instants.
CREATE INDEX sales_sold_at ON sales (sold_at);

-- Outstanding sales: only the open ones are indexed, so the index stays as small as what is open.
CREATE INDEX sales_open ON sales (sold_at) WHERE status IN ('paid', 'pending', 'unknown');

-- A Z report's sales: that counter's, made (created) between the shift's opening and its close;
-- the cashier is checked on the rows found.
CREATE INDEX sales_shift ON sales (counter_id, created_at);
