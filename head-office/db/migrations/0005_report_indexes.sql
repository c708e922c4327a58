-- Indexes for the reports across counters (head-office/reports, head-office/db/reports.ts). Without
-- them every report reads the whole ledger: a day's sales, the few sales still open among millions
-- delivered, and a shift's sales behind each Z report. Each index is measured against a sequential
-- scan in test/integration/head-office/migrations/report-indexes.test.ts (EXPLAIN).
-- Built inside the migration's transaction: ingest waits while they are built on an existing
-- ledger, once (the test prints how long they took on its ledger).

-- Sales per day: the local days of a range are one range of instants.
CREATE INDEX sales_sold_at ON sales (sold_at);

-- Outstanding sales: only the open ones are indexed, so the index stays as small as what is open.
CREATE INDEX sales_open ON sales (sold_at) WHERE status IN ('paid', 'pending', 'unknown');

-- A Z report's sales: the shift's cashier at that counter, between its opening and its close.
CREATE INDEX sales_shift ON sales (counter_id, cashier, created_at);
