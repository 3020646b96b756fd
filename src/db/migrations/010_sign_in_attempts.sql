-- Sign-in attempts per email and per client address, shared by every server instance: each
-- attempt is counted here before its password is checked (see src/db/sign-in-attempts.ts).
-- Keys are SHA-256 hashes, so the emails people mistype are not kept.
CREATE TABLE sign_in_attempts (
  key_hash      bytea PRIMARY KEY,
  window_start  timestamptz NOT NULL,
  attempts      integer NOT NULL CHECK (attempts >= 0)
);
CREATE INDEX sign_in_attempts_window_start ON sign_in_attempts (window_start);
