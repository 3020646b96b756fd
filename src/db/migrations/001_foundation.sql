-- Foundation: organizations, people, catalog, sessions, API tokens, audit.
-- Every tenant table leads its primary key with org_id so it can be distributed by tenant.

CREATE TABLE organizations (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name        text NOT NULL,
  country     char(2) NOT NULL,
  currency    char(3) NOT NULL CHECK (currency IN ('EUR', 'USD', 'GBP')),
  invoice_prefix text NOT NULL CHECK (invoice_prefix ~ '^[A-Z]{3}$'),
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE people (
  org_id          uuid NOT NULL REFERENCES organizations(id),
  id              uuid NOT NULL DEFAULT gen_random_uuid(),
  display_name    text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 256),
  email           text NOT NULL CHECK (email = lower(email) AND email LIKE '%_@_%'),
  -- display name and email folded (lower case, no accents) by the application for prefix search
  search_name     text NOT NULL,
  usage_location  char(2) CHECK (usage_location ~ '^[A-Z]{2}$'),
  role            text NOT NULL DEFAULT 'member'
                  CHECK (role IN ('member', 'admin', 'billing_admin', 'global_reader')),
  status          text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  password_hash   text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, email)
);
CREATE UNIQUE INDEX people_id_key ON people (id);
CREATE INDEX people_email_idx ON people (email);
CREATE INDEX people_search_name_idx ON people (org_id, search_name text_pattern_ops);
CREATE INDEX people_search_email_idx ON people (org_id, email text_pattern_ops);

CREATE TABLE products (
  id                      text PRIMARY KEY CHECK (id ~ '^[A-Z0-9]{12}$'),
  sku_id                  uuid NOT NULL UNIQUE,
  sku_part_number         text NOT NULL UNIQUE,
  name                    text NOT NULL,
  description             text NOT NULL DEFAULT '',
  -- [{servicePlanId, servicePlanName, appliesTo}]
  service_plans           jsonb NOT NULL DEFAULT '[]',
  self_service_eligible   boolean NOT NULL,
  trial_days              integer NOT NULL DEFAULT 0 CHECK (trial_days >= 0),
  trial_requires_payment_method boolean NOT NULL DEFAULT true,
  sort_order              integer NOT NULL DEFAULT 0
);

-- Price of one license for one month, in minor units, per currency and term kind.
CREATE TABLE product_prices (
  product_id    text NOT NULL REFERENCES products(id),
  currency      char(3) NOT NULL CHECK (currency IN ('EUR', 'USD', 'GBP')),
  term          text NOT NULL CHECK (term IN ('monthly', 'annual')),
  monthly_amount bigint NOT NULL CHECK (monthly_amount > 0),
  PRIMARY KEY (product_id, currency, term)
);

CREATE TABLE sessions (
  org_id        uuid NOT NULL,
  id            uuid NOT NULL DEFAULT gen_random_uuid(),
  person_id     uuid NOT NULL,
  token_hash    bytea NOT NULL,
  csrf_token    text NOT NULL,
  created_at    timestamptz NOT NULL,
  last_seen_at  timestamptz NOT NULL,
  expires_at    timestamptz NOT NULL,
  revoked_at    timestamptz,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, person_id) REFERENCES people(org_id, id)
);
CREATE UNIQUE INDEX sessions_token_hash_key ON sessions (token_hash);

CREATE TABLE api_tokens (
  org_id        uuid NOT NULL,
  id            uuid NOT NULL DEFAULT gen_random_uuid(),
  person_id     uuid NOT NULL,
  name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  token_hash    bytea NOT NULL,
  created_at    timestamptz NOT NULL,
  last_used_at  timestamptz,
  revoked_at    timestamptz,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, person_id) REFERENCES people(org_id, id)
);
CREATE UNIQUE INDEX api_tokens_token_hash_key ON api_tokens (token_hash);

CREATE TABLE audit_events (
  org_id       uuid NOT NULL REFERENCES organizations(id),
  id           bigint GENERATED ALWAYS AS IDENTITY,
  at           timestamptz NOT NULL,
  actor_id     uuid,
  action       text NOT NULL,
  object_type  text NOT NULL,
  object_id    text NOT NULL,
  details      jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (org_id, id)
);
CREATE INDEX audit_events_at_idx ON audit_events (org_id, at DESC, id DESC);
