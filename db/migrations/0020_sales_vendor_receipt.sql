-- A vending server that prices and breaks down the sale itself (XMLVend 2.1) answers with its own
-- receipt number, its transactions (energy, service charges, debt recovered, tax) and every token
-- in entry order (key change first, free basic electricity last). The sale keeps that answer with
-- its outcome, as the server sent it, so the screen and every reprint show exactly it.
ALTER TABLE sales ADD COLUMN vendor_receipt_json TEXT
  CHECK (vendor_receipt_json IS NULL OR json_valid(vendor_receipt_json));

-- Like the key-change tokens (0011): written with the outcome, never before it, never after.
CREATE TRIGGER sales_vendor_receipt_fixed BEFORE UPDATE OF vendor_receipt_json ON sales
WHEN OLD.status IN ('issued', 'failed') AND NEW.vendor_receipt_json IS NOT OLD.vendor_receipt_json
BEGIN SELECT RAISE(ABORT, 'a settled sale (issued or failed) never changes its tokens'); END;
CREATE TRIGGER sales_insert_no_vendor_receipt BEFORE INSERT ON sales
WHEN NEW.vendor_receipt_json IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a sale is inserted paid and without a token; its outcome is recorded afterwards'); END;
