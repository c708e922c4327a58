-- 0012: the first run. A counter whose database holds no user shows the setup flow instead of the
-- login; each step it finishes is recorded here, so a crash or a restart resumes at the first step
-- not done. The values themselves live where the running app reads them (the settings table:
-- counter.settings, printer, vendors.*). Setup is over once a user exists, whatever this table says.
CREATE TABLE setup_steps (
  step    TEXT PRIMARY KEY CHECK (step IN ('language', 'counter', 'currency', 'timeZone', 'company', 'vendors', 'printer', 'admin')),
  done_at TEXT NOT NULL
);

-- A user's name in Latin letters beside the display name (Arabic), asked of the first admin.
ALTER TABLE users ADD COLUMN display_name_latin TEXT;
