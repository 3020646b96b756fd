-- Single sign-on: each organization's OpenID Connect provider, who people are there, and
-- authorization requests in flight.

CREATE TABLE identity_providers (
  org_id            uuid PRIMARY KEY REFERENCES organizations(id),
  issuer            text NOT NULL CHECK (issuer ~ '^https?://'),
  client_id         text NOT NULL CHECK (length(client_id) BETWEEN 1 AND 500),
  -- the confidential client's secret at the provider: used, never shown back
  client_secret     text NOT NULL CHECK (length(client_secret) BETWEEN 1 AND 2000),
  -- people unknown here are created at their first sign-in
  jit_provisioning  boolean NOT NULL DEFAULT false,
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL
);

-- who the person is at the organization's provider: "<tid>/<oid>" from Microsoft Entra ID
-- (stable across applications), else the issuer's "sub"
ALTER TABLE people ADD COLUMN sso_subject text CHECK (length(sso_subject) BETWEEN 1 AND 600);
CREATE UNIQUE INDEX people_sso_subject_key ON people (org_id, sso_subject) WHERE deleted_at IS NULL;

-- An authorization request between the redirect to the provider and its answer: the browser
-- holds the state in a cookie; the PKCE verifier and the nonce never leave the server.
CREATE TABLE sso_requests (
  state_hash     bytea PRIMARY KEY,
  org_id         uuid NOT NULL REFERENCES organizations(id),
  code_verifier  text NOT NULL,
  nonce          text NOT NULL,
  created_at     timestamptz NOT NULL,
  expires_at     timestamptz NOT NULL,
  used_at        timestamptz
);
CREATE INDEX sso_requests_expires_idx ON sso_requests (expires_at);
