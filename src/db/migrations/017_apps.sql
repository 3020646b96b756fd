-- Applications an organization's admin registers to call the Graph-compatible API as daemons
-- (OAuth 2.0 client credentials): the app's id is its client id, only its secret's SHA-256 is
-- kept. An app acts for the admin who registered it: it assigns from that admin's
-- subscriptions, and stops when they are no longer an active admin.
CREATE TABLE apps (
  org_id            uuid NOT NULL REFERENCES organizations(id),
  id                uuid NOT NULL DEFAULT gen_random_uuid(),
  name              text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  -- Graph's application permissions granted to it (the token's roles claim)
  roles             text[] NOT NULL CHECK (cardinality(roles) > 0 AND roles <@ ARRAY[
                      'User.Read.All', 'User.ReadWrite.All', 'LicenseAssignment.ReadWrite.All', 'Organization.Read.All']),
  secret_hash       bytea NOT NULL,
  -- the secret's first characters, to tell secrets apart (Entra's "hint")
  secret_hint       text NOT NULL,
  owner_id          uuid NOT NULL,
  created_at        timestamptz NOT NULL,
  secret_created_at timestamptz NOT NULL,
  last_used_at      timestamptz,
  revoked_at        timestamptz,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, owner_id) REFERENCES people(org_id, id)
);
CREATE UNIQUE INDEX apps_id_key ON apps (id);

-- The key pair that signs access tokens, made by the first server that needs it; its public
-- half is published as a JWKS. One current key per purpose.
CREATE TABLE token_signing_keys (
  purpose     text PRIMARY KEY,
  kid         text NOT NULL UNIQUE,
  private_jwk jsonb NOT NULL,
  public_jwk  jsonb NOT NULL,
  created_at  timestamptz NOT NULL
);
