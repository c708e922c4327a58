-- 0013: find a sale's print jobs by an index. The history page counts each listed sale's copies
-- ((SELECT COUNT(*) FROM print_jobs WHERE sale_id = ? AND copy = 1)); with only the partial index
-- on originals, that read the whole print_jobs table once per sale, which grows with every receipt
-- ever printed (measured: npm run bench:scale). The index answers it, and a sale's reprints, directly.
CREATE INDEX print_jobs_by_sale ON print_jobs(sale_id, copy);
