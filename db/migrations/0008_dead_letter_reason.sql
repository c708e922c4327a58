-- 0008: keep a refusal's reason in both languages (the cashier and supervisor read it in theirs)
-- and when it was refused, next to the free-text last_error kept for retries.
ALTER TABLE outbox ADD COLUMN dead_code TEXT;
ALTER TABLE outbox ADD COLUMN dead_message_json TEXT;
ALTER TABLE outbox ADD COLUMN dead_at TEXT;
