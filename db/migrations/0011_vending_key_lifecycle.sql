-- Vending keys get a lifecycle (loaded with their certificate's attributes, listed by their key
-- check value, retired), and a meter whose key data changes waits for its key-change tokens.

-- 1. vending_keys, rebuilt: a key is a row of its own (id), so a retired key stays listed beside
--    the key that replaced it; at most one ACTIVE key per SGC and KRN (the index below). Nothing
--    references this table. Keys loaded before this migration keep their sealed value and load
--    time; what was not recorded then (attributes, who loaded it) stays NULL, and their KCV is
--    filled in by the key store the first time the app starts (it needs the master key).
CREATE TABLE vending_keys_new (
  id         INTEGER PRIMARY KEY,
  sgc        TEXT NOT NULL CHECK (sgc GLOB '[0-9][0-9][0-9][0-9][0-9][0-9]'),
  krn        INTEGER NOT NULL CHECK (krn BETWEEN 1 AND 15),
  sealed     TEXT NOT NULL,              -- base64(iv | tag | ciphertext); AAD = "sgc:krn"
  created_at TEXT NOT NULL,              -- when it was loaded
  key_type   INTEGER CHECK (key_type BETWEEN 0 AND 3),
  base_date  INTEGER CHECK (base_date IN (1993, 2014, 2035)),
  ea         TEXT CHECK (ea IN ('07', '11')),
  dkga       TEXT CHECK (dkga IN ('02', '04')),
  expires_at TEXT,                       -- NULL: no expiry on the key certificate
  kcv        TEXT CHECK (kcv GLOB '[0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F]'),
  loaded_by  INTEGER REFERENCES users(id),
  retired_at TEXT,
  retired_by INTEGER REFERENCES users(id),
  CHECK (retired_by IS NULL OR retired_at IS NOT NULL)
);
INSERT INTO vending_keys_new (sgc, krn, sealed, created_at)
  SELECT sgc, krn, sealed, created_at FROM vending_keys ORDER BY created_at, sgc, krn;
DROP TABLE vending_keys;
ALTER TABLE vending_keys_new RENAME TO vending_keys;
CREATE UNIQUE INDEX vending_keys_active ON vending_keys(sgc, krn) WHERE retired_at IS NULL;
-- A key's material and identity never change once loaded; only its retirement is written later.
CREATE TRIGGER vending_keys_fixed BEFORE UPDATE OF sgc, krn, sealed, created_at, key_type, base_date, ea, dkga, expires_at, loaded_by ON vending_keys
BEGIN SELECT RAISE(ABORT, 'a loaded vending key never changes: retire it and load another'); END;
CREATE TRIGGER vending_keys_retired_once BEFORE UPDATE OF retired_at, retired_by, kcv ON vending_keys
WHEN (OLD.retired_at IS NOT NULL AND (NEW.retired_at IS NOT OLD.retired_at OR NEW.retired_by IS NOT OLD.retired_by))
  OR (OLD.kcv IS NOT NULL AND NEW.kcv IS NOT OLD.kcv)
BEGIN SELECT RAISE(ABORT, 'a retired vending key stays retired, and a key check value once recorded never changes'); END;
CREATE TRIGGER vending_keys_no_delete BEFORE DELETE ON vending_keys
BEGIN SELECT RAISE(ABORT, 'a vending key is retired, never deleted'); END;

-- 2. A meter whose key data (SGC, TI, KRN, key type, base date, EA, DKGA) was changed still holds
--    its old decoder key until it is given the key-change tokens. The key data it holds is kept
--    here (JSON: sgc, ti, krn, keyType, baseDate, ea, dkga) until the next token made on this
--    counter carries the key change; NULL: the meter holds the key its row describes.
ALTER TABLE meters ADD COLUMN sts_key_change_from TEXT CHECK (sts_key_change_from IS NULL OR json_valid(sts_key_change_from));

-- 3. A sale that carried a key change: its two key-change tokens (JSON array, in the order they
--    are entered, before the credit token). Fixed once the sale is settled, like its token.
ALTER TABLE sales ADD COLUMN key_change_tokens TEXT
  CHECK (key_change_tokens IS NULL OR (json_valid(key_change_tokens) AND json_array_length(key_change_tokens) = 2));
CREATE TRIGGER sales_key_change_fixed BEFORE UPDATE OF key_change_tokens ON sales
WHEN OLD.status IN ('issued', 'failed') AND NEW.key_change_tokens IS NOT OLD.key_change_tokens
BEGIN SELECT RAISE(ABORT, 'a settled sale (issued or failed) never changes its tokens'); END;
CREATE TRIGGER sales_insert_no_key_change BEFORE INSERT ON sales
WHEN NEW.key_change_tokens IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a sale is inserted paid and without a token; its outcome is recorded afterwards'); END;
