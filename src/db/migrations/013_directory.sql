-- The directory managed by admins and provisioning (SCIM): people edited, disabled and deleted,
-- SCIM tokens and groups.

-- A deleted person keeps their row (purchases, invoices and the audit log name them) but leaves
-- the directory; their address may then be given to someone new.
ALTER TABLE people ADD COLUMN deleted_at timestamptz;
ALTER TABLE people ADD CONSTRAINT people_deleted_disabled CHECK (deleted_at IS NULL OR status = 'disabled');
ALTER TABLE people DROP CONSTRAINT people_org_id_email_key;
CREATE UNIQUE INDEX people_email_key ON people (org_id, email) WHERE deleted_at IS NULL;
ALTER TABLE people ADD COLUMN updated_at timestamptz;
-- the provisioning client's own id for the person (SCIM externalId: Entra's objectId, Okta's id)
ALTER TABLE people ADD COLUMN external_id text CHECK (length(external_id) BETWEEN 1 AND 256);
CREATE UNIQUE INDEX people_external_id_key ON people (org_id, external_id) WHERE deleted_at IS NULL;
-- SCIM attributes we keep but do not model (name parts, title, phone numbers, enterprise extension)
ALTER TABLE people ADD COLUMN scim_attributes jsonb NOT NULL DEFAULT '{}';

-- Secrets a provisioning client (Entra ID, Okta) presents as bearer tokens at /scim/v2.
CREATE TABLE scim_tokens (
  org_id        uuid NOT NULL REFERENCES organizations(id),
  id            uuid NOT NULL DEFAULT gen_random_uuid(),
  name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  token_hash    bytea NOT NULL,
  created_by    uuid NOT NULL,
  created_at    timestamptz NOT NULL,
  last_used_at  timestamptz,
  revoked_at    timestamptz,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, created_by) REFERENCES people(org_id, id)
);
CREATE UNIQUE INDEX scim_tokens_token_hash_key ON scim_tokens (token_hash);

CREATE TABLE scim_groups (
  org_id        uuid NOT NULL REFERENCES organizations(id),
  id            uuid NOT NULL DEFAULT gen_random_uuid(),
  display_name  text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 256),
  external_id   text CHECK (length(external_id) BETWEEN 1 AND 256),
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL,
  PRIMARY KEY (org_id, id)
);
CREATE UNIQUE INDEX scim_groups_display_name_key ON scim_groups (org_id, lower(display_name));

CREATE TABLE scim_group_members (
  org_id     uuid NOT NULL,
  group_id   uuid NOT NULL,
  person_id  uuid NOT NULL,
  PRIMARY KEY (org_id, group_id, person_id),
  FOREIGN KEY (org_id, group_id) REFERENCES scim_groups(org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, person_id) REFERENCES people(org_id, id)
);
CREATE INDEX scim_group_members_person_idx ON scim_group_members (org_id, person_id);
