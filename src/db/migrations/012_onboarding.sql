-- Onboarding: organizations' e-mail domains and one-time invitation links.

-- An e-mail domain an organization claims, verified by the operator or by a DNS TXT record.
CREATE TABLE organization_domains (
  org_id             uuid NOT NULL REFERENCES organizations(id),
  domain             text NOT NULL CHECK (length(domain) <= 253
                       AND domain ~ '^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$'),
  -- published as the TXT record "selfserve-verification=<token>" to prove ownership
  verification_token text NOT NULL,
  verified_at        timestamptz,
  verified_by        text CHECK (verified_by IN ('operator', 'dns')),
  created_at         timestamptz NOT NULL,
  PRIMARY KEY (org_id, domain),
  CHECK ((verified_at IS NULL) = (verified_by IS NULL))
);
-- a domain belongs to one organization at most: several may claim it, only one has it verified
CREATE UNIQUE INDEX organization_domains_verified_key ON organization_domains (domain) WHERE verified_at IS NOT NULL;

-- A one-time link that lets a person choose a password (first sign-in, or a reset by an admin).
CREATE TABLE invitations (
  org_id      uuid NOT NULL,
  id          uuid NOT NULL DEFAULT gen_random_uuid(),
  person_id   uuid NOT NULL,
  purpose     text NOT NULL CHECK (purpose IN ('invitation', 'password_reset')),
  -- only the SHA-256 of the link's secret
  token_hash  bytea NOT NULL,
  -- null: the operator
  created_by  uuid,
  created_at  timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, person_id) REFERENCES people(org_id, id)
);
CREATE UNIQUE INDEX invitations_token_hash_key ON invitations (token_hash);
CREATE INDEX invitations_open_idx ON invitations (org_id, person_id) WHERE used_at IS NULL;
