-- 0017: the index of locally made tokens holds only them. sales_local(token_source, meter_id) took
-- an entry for every sale, vendor-made or not, on the till's commit path; the questions it answers
-- are only about local tokens (a meter's last local TID, the local credit in use). A partial index
-- on (meter_id, sts_tid) answers the first from the index alone and costs nothing for other sales.
DROP INDEX sales_local;
CREATE INDEX sales_local ON sales(meter_id, sts_tid) WHERE token_source = 'local';
