-- 0007 (issue 8): a cashier's day — shifts and their Z reports, supervisor approvals, and the
-- customers' Arabic-normalised search column. Money INTEGER minor units, times ISO-8601 UTC TEXT.

-- 1. Shifts: a cashier opens one with a counted cash float; every sale belongs to one. At most one
--    open shift per cashier per counter. A closed shift never changes again.
CREATE TABLE shifts (
  id          INTEGER PRIMARY KEY,
  user_id     INTEGER NOT NULL REFERENCES users(id),
  counter     TEXT NOT NULL,
  status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  float_minor INTEGER NOT NULL CHECK (float_minor >= 0),
  -- 1 = opened by the first sale (setting requireShift = false), with a zero float
  auto_opened INTEGER NOT NULL DEFAULT 0 CHECK (auto_opened IN (0, 1)),
  opened_at   TEXT NOT NULL,
  opened_by   INTEGER NOT NULL REFERENCES users(id),
  closed_at   TEXT,
  closed_by   INTEGER REFERENCES users(id),
  z_no        INTEGER,
  CHECK (status = 'open' OR (closed_at IS NOT NULL AND closed_by IS NOT NULL AND z_no IS NOT NULL))
);
CREATE UNIQUE INDEX shifts_one_open ON shifts(user_id, counter) WHERE status = 'open';
CREATE INDEX shifts_opened ON shifts(opened_at);
CREATE TRIGGER shifts_closed_immutable BEFORE UPDATE ON shifts WHEN OLD.status = 'closed'
BEGIN SELECT RAISE(ABORT, 'a closed shift cannot change'); END;
CREATE TRIGGER shifts_no_delete BEFORE DELETE ON shifts
BEGIN SELECT RAISE(ABORT, 'shifts are never deleted'); END;

-- Sales made before shifts existed keep shift_id NULL. Once set, a sale's shift never changes,
-- so a Z report's sales cannot be moved out from under it.
ALTER TABLE sales ADD COLUMN shift_id INTEGER REFERENCES shifts(id);
CREATE INDEX sales_shift ON sales(shift_id);
CREATE INDEX sales_created ON sales(created_at);
CREATE TRIGGER sales_shift_fixed BEFORE UPDATE OF shift_id ON sales WHEN OLD.shift_id IS NOT NULL AND NEW.shift_id IS NOT OLD.shift_id
BEGIN SELECT RAISE(ABORT, 'a sale never changes shift'); END;

-- 2. Z reports: numbered by their own sequence, stored whole (JSON) with the key totals beside it,
--    and immutable.
CREATE TABLE z_reports (
  z_no                INTEGER PRIMARY KEY,
  shift_id            INTEGER NOT NULL UNIQUE REFERENCES shifts(id),
  user_id             INTEGER NOT NULL REFERENCES users(id),
  closed_by           INTEGER NOT NULL REFERENCES users(id),
  created_at          TEXT NOT NULL,
  float_minor         INTEGER NOT NULL,
  expected_cash_minor INTEGER NOT NULL,
  counted_cash_minor  INTEGER NOT NULL CHECK (counted_cash_minor >= 0),
  variance_minor      INTEGER NOT NULL,
  sales_count         INTEGER NOT NULL,
  charged_minor       INTEGER NOT NULL,
  report_json         TEXT NOT NULL,
  -- SHA-256 of report_json, also written to the audit log (hash-chained) at close
  hash                TEXT NOT NULL,
  CHECK (variance_minor = counted_cash_minor - expected_cash_minor)
);
CREATE TRIGGER z_reports_no_update BEFORE UPDATE ON z_reports
BEGIN SELECT RAISE(ABORT, 'Z reports are immutable'); END;
CREATE TRIGGER z_reports_no_delete BEFORE DELETE ON z_reports
BEGIN SELECT RAISE(ABORT, 'Z reports are immutable'); END;
INSERT INTO counters (name, value) VALUES ('z_no', 0);

-- 3. Supervisor approvals at the till: a short-lived, single-use token for one named action.
--    Only the token's SHA-256 is stored.
CREATE TABLE approvals (
  id           INTEGER PRIMARY KEY,
  token_hash   TEXT NOT NULL UNIQUE,
  action       TEXT NOT NULL,
  subject      TEXT,
  approver_id  INTEGER NOT NULL REFERENCES users(id),
  requested_by INTEGER NOT NULL REFERENCES users(id),
  created_at   TEXT NOT NULL,
  expires_at   TEXT NOT NULL,
  used_at      TEXT,
  used_for     TEXT
);

-- 4. Customer search: names and phone normalised for Arabic (main/customers/normalize.ts holds the
--    same rules for the query). Triggers keep the column right whoever writes the row.
ALTER TABLE customers ADD COLUMN search_norm TEXT NOT NULL DEFAULT '';
ALTER TABLE customers ADD COLUMN updated_at TEXT;
UPDATE customers SET search_norm = lower(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(COALESCE(name, '') || ' ' || COALESCE(name_latin, '') || ' ' || replace(replace(COALESCE(phone, ''), ' ', ''), '-', ''), char(1571), 'ا'), char(1573), 'ا'), char(1570), 'ا'), char(1649), 'ا'), char(1609), 'ي'), char(1577), 'ه'), char(1600), ''), char(1611), ''), char(1612), ''), char(1613), ''), char(1614), ''), char(1615), ''), char(1616), ''), char(1617), ''), char(1618), ''), char(1619), ''), char(1620), ''), char(1621), ''), char(1622), ''), char(1623), ''), char(1624), ''), char(1625), ''), char(1626), ''), char(1627), ''), char(1628), ''), char(1629), ''), char(1630), ''), char(1631), ''), char(1648), ''), char(1632), '0'), char(1633), '1'), char(1634), '2'), char(1635), '3'), char(1636), '4'), char(1637), '5'), char(1638), '6'), char(1639), '7'), char(1640), '8'), char(1641), '9'), char(1776), '0'), char(1777), '1'), char(1778), '2'), char(1779), '3'), char(1780), '4'), char(1781), '5'), char(1782), '6'), char(1783), '7'), char(1784), '8'), char(1785), '9'));
CREATE TRIGGER customers_norm_insert AFTER INSERT ON customers
BEGIN UPDATE customers SET search_norm = lower(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(COALESCE(NEW.name, '') || ' ' || COALESCE(NEW.name_latin, '') || ' ' || replace(replace(COALESCE(NEW.phone, ''), ' ', ''), '-', ''), char(1571), 'ا'), char(1573), 'ا'), char(1570), 'ا'), char(1649), 'ا'), char(1609), 'ي'), char(1577), 'ه'), char(1600), ''), char(1611), ''), char(1612), ''), char(1613), ''), char(1614), ''), char(1615), ''), char(1616), ''), char(1617), ''), char(1618), ''), char(1619), ''), char(1620), ''), char(1621), ''), char(1622), ''), char(1623), ''), char(1624), ''), char(1625), ''), char(1626), ''), char(1627), ''), char(1628), ''), char(1629), ''), char(1630), ''), char(1631), ''), char(1648), ''), char(1632), '0'), char(1633), '1'), char(1634), '2'), char(1635), '3'), char(1636), '4'), char(1637), '5'), char(1638), '6'), char(1639), '7'), char(1640), '8'), char(1641), '9'), char(1776), '0'), char(1777), '1'), char(1778), '2'), char(1779), '3'), char(1780), '4'), char(1781), '5'), char(1782), '6'), char(1783), '7'), char(1784), '8'), char(1785), '9')) WHERE id = NEW.id; END;
CREATE TRIGGER customers_norm_update AFTER UPDATE OF name, name_latin, phone ON customers
BEGIN UPDATE customers SET search_norm = lower(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(COALESCE(NEW.name, '') || ' ' || COALESCE(NEW.name_latin, '') || ' ' || replace(replace(COALESCE(NEW.phone, ''), ' ', ''), '-', ''), char(1571), 'ا'), char(1573), 'ا'), char(1570), 'ا'), char(1649), 'ا'), char(1609), 'ي'), char(1577), 'ه'), char(1600), ''), char(1611), ''), char(1612), ''), char(1613), ''), char(1614), ''), char(1615), ''), char(1616), ''), char(1617), ''), char(1618), ''), char(1619), ''), char(1620), ''), char(1621), ''), char(1622), ''), char(1623), ''), char(1624), ''), char(1625), ''), char(1626), ''), char(1627), ''), char(1628), ''), char(1629), ''), char(1630), ''), char(1631), ''), char(1648), ''), char(1632), '0'), char(1633), '1'), char(1634), '2'), char(1635), '3'), char(1636), '4'), char(1637), '5'), char(1638), '6'), char(1639), '7'), char(1640), '8'), char(1641), '9'), char(1776), '0'), char(1777), '1'), char(1778), '2'), char(1779), '3'), char(1780), '4'), char(1781), '5'), char(1782), '6'), char(1783), '7'), char(1784), '8'), char(1785), '9')) WHERE id = NEW.id; END;
CREATE INDEX customers_phone ON customers(phone);
