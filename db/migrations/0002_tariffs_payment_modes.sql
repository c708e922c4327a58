-- 0002: tariffs as versioned data, tariff groups, purchase limits, debt and payment modes per meter.
-- A schedule version is never edited: a change is a new version with its own effective date, so a
-- price in force at any past instant can always be found again (sales also keep their full quote).

ALTER TABLE tariff_schedules ADD COLUMN fee_mode TEXT NOT NULL DEFAULT 'per_sale'
  CHECK (fee_mode IN ('per_sale', 'first_of_month'));
-- percent of each purchase kept to pay down the meter's debt, exact decimal text ("10", "12.5")
ALTER TABLE tariff_schedules ADD COLUMN debt_recovery_percent TEXT NOT NULL DEFAULT '0';
ALTER TABLE tariff_schedules ADD COLUMN created_by INTEGER REFERENCES users(id);
CREATE INDEX tariff_schedules_code ON tariff_schedules(code, effective_from);

CREATE TRIGGER tariff_schedules_no_update BEFORE UPDATE ON tariff_schedules
BEGIN SELECT RAISE(ABORT, 'tariff schedule versions are immutable: create a new version'); END;
CREATE TRIGGER tariff_schedules_no_delete BEFORE DELETE ON tariff_schedules
BEGIN SELECT RAISE(ABORT, 'tariff schedule versions are immutable: create a new version'); END;
CREATE TRIGGER tariff_periods_no_update BEFORE UPDATE ON tariff_periods
BEGIN SELECT RAISE(ABORT, 'tariff periods are immutable: create a new schedule version'); END;
CREATE TRIGGER tariff_periods_no_delete BEFORE DELETE ON tariff_periods
BEGIN SELECT RAISE(ABORT, 'tariff periods are immutable: create a new schedule version'); END;

-- A group of meters sharing one schedule (e.g. "all shops on feeder 3"). A meter in a group
-- follows the group's schedule; assigning a schedule to the meter itself takes it out of the group.
CREATE TABLE tariff_groups (
  id            INTEGER PRIMARY KEY,
  code          TEXT NOT NULL UNIQUE,
  name_ar       TEXT NOT NULL,
  name_en       TEXT NOT NULL,
  schedule_code TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);

ALTER TABLE meters ADD COLUMN tariff_group_id INTEGER REFERENCES tariff_groups(id);
CREATE INDEX meters_group ON meters(tariff_group_id);
-- per-meter purchase limits; NULL = the tariff's
ALTER TABLE meters ADD COLUMN min_purchase_minor INTEGER CHECK (min_purchase_minor IS NULL OR min_purchase_minor > 0);
ALTER TABLE meters ADD COLUMN max_purchase_minor INTEGER CHECK (max_purchase_minor IS NULL OR max_purchase_minor > 0);
-- money the customer owes on this meter (arrears, postpaid bills, credit used)
ALTER TABLE meters ADD COLUMN debt_minor INTEGER NOT NULL DEFAULT 0 CHECK (debt_minor >= 0);
-- credit mode: the debt at which supply is cut, and the security deposit held
ALTER TABLE meters ADD COLUMN credit_limit_minor INTEGER CHECK (credit_limit_minor IS NULL OR credit_limit_minor > 0);
ALTER TABLE meters ADD COLUMN deposit_minor INTEGER NOT NULL DEFAULT 0 CHECK (deposit_minor >= 0);
-- the supply state Shahn last commanded (the command itself travels through the outbox)
ALTER TABLE meters ADD COLUMN supply TEXT NOT NULL DEFAULT 'on' CHECK (supply IN ('on', 'off'));
