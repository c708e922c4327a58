-- 0019: every XMLVend request message this counter sent, by its msgID (NRS 009-6-10). A msgID is
-- dateTime (yyyymmddHHMMSS, the counter's local time) + uniqueNumber, which must never repeat for
-- a client. uniqueNumber is a positiveInteger of at most 6 digits (MsgIDUniqueNumber), so it comes
-- round after 999,999 messages: seq is the client's count that never comes round, and the wire
-- number is derived from it. Written (and committed) before the message is sent.
--
-- (kind, key) ties a message to what it is for: a sale's id maps to exactly one creditVend msgID,
-- whatever retries or restarts happen, so an unknown outcome is always asked about (lastRespAdviceReq)
-- with the msgID that went out. key is NULL for messages that need no such tie (a lookup, an advice).
CREATE TABLE xmlvend_messages (
  client_id TEXT NOT NULL CHECK (length(client_id) = 13 AND client_id NOT GLOB '*[^0-9]*'),
  seq INTEGER NOT NULL CHECK (seq >= 1),
  unique_number INTEGER NOT NULL CHECK (unique_number = (seq - 1) % 999999 + 1),
  date_time TEXT NOT NULL CHECK (length(date_time) = 14 AND date_time NOT GLOB '*[^0-9]*'),
  kind TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 32 AND kind NOT GLOB '*[^A-Za-z]*'),
  key TEXT CHECK (key IS NULL OR length(key) BETWEEN 1 AND 200),
  created_at TEXT NOT NULL,
  PRIMARY KEY (client_id, seq),
  -- The msgID as the server sees it. After the number comes round it can only recur in the same
  -- second after a million messages; the allocation skips a taken pair, and this refuses one.
  UNIQUE (client_id, date_time, unique_number),
  UNIQUE (kind, key)
);
