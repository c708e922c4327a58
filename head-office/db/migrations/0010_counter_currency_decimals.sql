-- The decimals each counter counts its money in (main/setup/counter-settings.ts: a counter sets its
-- own currency and decimals). A sale record carries its currency but not its decimals, so two
-- counters selling YER, one with 0 decimals and one with 2, send amounts 100 times apart under the
-- same code: the reports must never add them together. The counter says its decimals with each
-- push of sales (PushSalesRequest.currencyDecimals, like its counts); the reports group by currency
-- and these decimals, and a counter that never said them is reported apart as "decimals unknown".
--
-- NOTE for merging: numbered after 0008 (report indexes); renumber freely, its test finds it by name.
ALTER TABLE counters
  ADD COLUMN currency_decimals smallint CHECK (currency_decimals BETWEEN 0 AND 3),
  ADD COLUMN currency_decimals_reported_at timestamptz,
  ADD CONSTRAINT counters_decimals_reported CHECK ((currency_decimals IS NULL) = (currency_decimals_reported_at IS NULL));
