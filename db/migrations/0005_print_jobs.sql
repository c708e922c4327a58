-- Print jobs (issue 7): a receipt to print is a durable row, so a printer that is off, out of
-- paper or slow never loses a receipt and never touches the sale. `copy` = 0 is the original
-- (at most one per sale), 1 a reprint marked COPY. 'queued' jobs are retried with backoff;
-- 'failed' ones wait for the cashier (a configuration the printer cannot work with, or too many
-- attempts); `replaced_by` is set when the cashier chose Reprint instead of Retry.
CREATE TABLE print_jobs (
  id           INTEGER PRIMARY KEY,
  sale_id      TEXT NOT NULL REFERENCES sales(id),
  copy         INTEGER NOT NULL CHECK (copy IN (0, 1)),
  status       TEXT NOT NULL CHECK (status IN ('queued', 'printing', 'printed', 'failed')),
  attempts     INTEGER NOT NULL DEFAULT 0,
  error_code   TEXT,
  last_error   TEXT,
  requested_by INTEGER REFERENCES users(id),
  replaced_by  INTEGER REFERENCES print_jobs(id),
  next_at      TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  printed_at   TEXT
);
-- A retried sell or print never queues a second original.
CREATE UNIQUE INDEX print_jobs_one_original ON print_jobs(sale_id) WHERE copy = 0;
CREATE INDEX print_jobs_open ON print_jobs(status, next_at);
