-- The web console's own users and their sessions (head-office/console/), and the indexes its
-- sales search pages with. Console users are head-office staff: they are not the counters' users
-- (those flow down as master data) and a console session never authenticates a counter's request.

CREATE TABLE console_users (
  id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username             text NOT NULL CHECK (username ~ '^[A-Za-z0-9._-]{3,64}$'),
  display_name         text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 128),
  -- Ordered viewer < operator < admin (head-office/console/guard.ts).
  role                 text NOT NULL CHECK (role IN ('viewer', 'operator', 'admin')),
  -- scrypt (node:crypto) with a salt of its own per user and the cost it was made with, so the
  -- cost can be raised later without invalidating the passwords made before. Never the password.
  password_salt        bytea NOT NULL CHECK (length(password_salt) >= 16),
  password_hash        bytea NOT NULL CHECK (length(password_hash) >= 32),
  scrypt_n             integer NOT NULL CHECK (scrypt_n >= 16384 AND (scrypt_n & (scrypt_n - 1)) = 0),
  scrypt_r             integer NOT NULL CHECK (scrypt_r BETWEEN 1 AND 32),
  scrypt_p             integer NOT NULL CHECK (scrypt_p BETWEEN 1 AND 16),
  active               boolean NOT NULL DEFAULT true,
  -- Wrong passwords in a row; at the limit the account is locked until locked_until.
  failed_attempts      integer NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
  locked_until         timestamptz,
  password_changed_at  timestamptz NOT NULL DEFAULT now(),
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  CHECK (updated_at >= created_at)
);

-- "Amal" and "amal" are one user: a second would be a look-alike account.
CREATE UNIQUE INDEX console_users_username ON console_users (lower(username));

CREATE TABLE console_sessions (
  -- SHA-256 of the random token in the cookie: a copy of this table cannot sign anyone in.
  token_hash     bytea PRIMARY KEY CHECK (length(token_hash) = 32),
  user_id        bigint NOT NULL REFERENCES console_users (id),
  created_at     timestamptz NOT NULL,
  last_used_at   timestamptz NOT NULL,
  -- The absolute end; an idle session also ends earlier (the idle timeout, in the service).
  expires_at     timestamptz NOT NULL,
  revoked_at     timestamptz,
  revoked_why    text CHECK (revoked_why IN ('signed_out', 'deactivated', 'password_changed')),
  CHECK (expires_at > created_at),
  CHECK (last_used_at >= created_at),
  CHECK ((revoked_at IS NULL) = (revoked_why IS NULL))
);

CREATE INDEX console_sessions_live ON console_sessions (user_id) WHERE revoked_at IS NULL;

-- The console's sales search: newest first across counters, paged by (sold_at, sale_id) — a keyset,
-- never OFFSET — optionally narrowed to a counter or a meter; a receipt number is looked up per counter.
CREATE INDEX sales_by_time ON sales (sold_at DESC, sale_id DESC);
CREATE INDEX sales_by_counter_time ON sales (counter_id, sold_at DESC, sale_id DESC);
CREATE INDEX sales_by_meter_time ON sales (meter_number, sold_at DESC, sale_id DESC);
CREATE INDEX sales_by_receipt ON sales (receipt_no, counter_id);
