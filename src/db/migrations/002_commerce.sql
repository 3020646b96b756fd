-- Commerce: payment methods, billing profiles, subscriptions, license assignments,
-- charges, invoices, idempotency keys, self-service policies and notifications.

CREATE TABLE payment_methods (
  org_id        uuid NOT NULL,
  id            uuid NOT NULL DEFAULT gen_random_uuid(),
  owner_id      uuid NOT NULL,
  -- only what the gateway gives back: never the card number nor the security code
  gateway_token text NOT NULL,
  brand         text NOT NULL CHECK (brand IN ('visa', 'mastercard', 'amex', 'discover')),
  last4         char(4) NOT NULL CHECK (last4 ~ '^[0-9]{4}$'),
  exp_month     smallint NOT NULL CHECK (exp_month BETWEEN 1 AND 12),
  exp_year      smallint NOT NULL CHECK (exp_year BETWEEN 2000 AND 2100),
  name_on_card  text NOT NULL,
  address       jsonb NOT NULL,
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL,
  deleted_at    timestamptz,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, owner_id) REFERENCES people(org_id, id)
);
CREATE INDEX payment_methods_owner_idx ON payment_methods (org_id, owner_id) WHERE deleted_at IS NULL;

CREATE TABLE billing_profiles (
  org_id            uuid NOT NULL,
  id                uuid NOT NULL DEFAULT gen_random_uuid(),
  owner_id          uuid NOT NULL,
  name              text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  -- {line1, line2, city, postalCode, region}
  address           jsonb NOT NULL,
  country           char(2) NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
  currency          char(3) NOT NULL CHECK (currency IN ('EUR', 'USD', 'GBP')),
  invoice_email     text,
  payment_method_id uuid,
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, owner_id) REFERENCES people(org_id, id),
  FOREIGN KEY (org_id, payment_method_id) REFERENCES payment_methods(org_id, id)
);
CREATE INDEX billing_profiles_owner_idx ON billing_profiles (org_id, owner_id);

CREATE TABLE subscriptions (
  org_id             uuid NOT NULL,
  id                 uuid NOT NULL DEFAULT gen_random_uuid(),
  product_id         text NOT NULL REFERENCES products(id),
  buyer_id           uuid NOT NULL,
  billing_profile_id uuid,
  self_service       boolean NOT NULL,
  status             text NOT NULL CHECK (status IN ('trial', 'active', 'expired', 'disabled', 'deleted')),
  term               text NOT NULL CHECK (term IN ('monthly', 'annual')),
  quantity           integer NOT NULL CHECK (quantity BETWEEN 1 AND 10000),
  -- kept equal to the number of license_assignments rows by trigger
  assigned           integer NOT NULL DEFAULT 0,
  -- a lower total scheduled for the next renewal
  pending_quantity   integer CHECK (pending_quantity BETWEEN 1 AND 10000),
  -- price of one license for one month, minor units, frozen at purchase
  unit_price         bigint NOT NULL CHECK (unit_price >= 0),
  currency           char(3) NOT NULL CHECK (currency IN ('EUR', 'USD', 'GBP')),
  term_start         timestamptz NOT NULL,
  term_end           timestamptz NOT NULL,
  auto_renew         boolean NOT NULL DEFAULT true,
  started_as_trial   boolean NOT NULL DEFAULT false,
  status_changed_at  timestamptz NOT NULL,
  canceled_at        timestamptz,
  cancel_reason      text,
  cancel_feedback    text CHECK (length(cancel_feedback) <= 2000),
  created_at         timestamptz NOT NULL,
  updated_at         timestamptz NOT NULL,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, buyer_id) REFERENCES people(org_id, id),
  FOREIGN KEY (org_id, billing_profile_id) REFERENCES billing_profiles(org_id, id),
  CHECK (term_end > term_start),
  -- seat invariant: never more people assigned than licenses bought
  CONSTRAINT subscriptions_seats CHECK (assigned >= 0 AND assigned <= quantity)
);
-- one trial per person and product
CREATE UNIQUE INDEX subscriptions_one_trial_key ON subscriptions (org_id, buyer_id, product_id) WHERE started_as_trial;
CREATE INDEX subscriptions_buyer_idx ON subscriptions (org_id, buyer_id, created_at DESC);
CREATE INDEX subscriptions_org_idx ON subscriptions (org_id, self_service, created_at DESC);
-- the job runner's scan for terms and lifecycle stages that have ended
CREATE INDEX subscriptions_term_end_idx ON subscriptions (term_end) WHERE status <> 'deleted';

CREATE TABLE license_assignments (
  org_id          uuid NOT NULL,
  subscription_id uuid NOT NULL,
  person_id       uuid NOT NULL,
  product_id      text NOT NULL,
  assigned_at     timestamptz NOT NULL,
  assigned_by     uuid,
  PRIMARY KEY (org_id, subscription_id, person_id),
  -- a person holds at most one license of a product in the organization
  UNIQUE (org_id, product_id, person_id),
  FOREIGN KEY (org_id, subscription_id) REFERENCES subscriptions(org_id, id),
  FOREIGN KEY (org_id, person_id) REFERENCES people(org_id, id)
);
CREATE INDEX license_assignments_person_idx ON license_assignments (org_id, person_id);

-- Keeps subscriptions.assigned equal to the rows; the seat CHECK then refuses any oversell,
-- and the UPDATE's row lock serializes concurrent assignments to one subscription.
CREATE FUNCTION license_assignments_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE subscriptions s SET assigned = s.assigned + d.n
      FROM (SELECT org_id, subscription_id, count(*)::int AS n FROM changed GROUP BY 1, 2) d
     WHERE s.org_id = d.org_id AND s.id = d.subscription_id;
  ELSE
    UPDATE subscriptions s SET assigned = s.assigned - d.n
      FROM (SELECT org_id, subscription_id, count(*)::int AS n FROM changed GROUP BY 1, 2) d
     WHERE s.org_id = d.org_id AND s.id = d.subscription_id;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER license_assignments_count_ins AFTER INSERT ON license_assignments
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION license_assignments_count();
CREATE TRIGGER license_assignments_count_del AFTER DELETE ON license_assignments
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION license_assignments_count();
-- moving a license is a delete and an insert, so the counts stay right
CREATE FUNCTION license_assignments_no_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'license_assignments rows are not updated: delete and insert instead';
END $$;
CREATE TRIGGER license_assignments_no_update BEFORE UPDATE ON license_assignments
  FOR EACH ROW EXECUTE FUNCTION license_assignments_no_update();

CREATE TABLE invoice_counters (
  org_id      uuid NOT NULL,
  year        integer NOT NULL,
  last_number integer NOT NULL DEFAULT 0,
  PRIMARY KEY (org_id, year)
);

CREATE TABLE invoices (
  org_id             uuid NOT NULL,
  id                 uuid NOT NULL DEFAULT gen_random_uuid(),
  -- sequential per organization and year without gaps, e.g. CON-2026-000042
  number             text NOT NULL,
  kind               text NOT NULL CHECK (kind IN ('invoice', 'credit_note')),
  owner_id           uuid NOT NULL,
  subscription_id    uuid,
  billing_profile_id uuid,
  -- the billing profile as it was when issued
  billing_snapshot   jsonb NOT NULL,
  issued_at          timestamptz NOT NULL,
  period_start       timestamptz,
  period_end         timestamptz,
  currency           char(3) NOT NULL,
  subtotal           bigint NOT NULL CHECK (subtotal >= 0),
  tax_rate_bp        integer NOT NULL CHECK (tax_rate_bp >= 0),
  tax                bigint NOT NULL CHECK (tax >= 0),
  total              bigint NOT NULL CHECK (total = subtotal + tax),
  status             text NOT NULL CHECK (status IN ('paid', 'due', 'refunded', 'void')),
  -- {brand, last4} of the card that paid or was refunded
  payment            jsonb,
  credited_invoice_id uuid,
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, number),
  FOREIGN KEY (org_id, subscription_id) REFERENCES subscriptions(org_id, id)
);
CREATE INDEX invoices_owner_issued_idx ON invoices (org_id, owner_id, issued_at DESC, id DESC);
CREATE INDEX invoices_subscription_idx ON invoices (org_id, subscription_id);

CREATE TABLE invoice_lines (
  org_id        uuid NOT NULL,
  invoice_id    uuid NOT NULL,
  line_no       smallint NOT NULL,
  product_id    text NOT NULL,
  description   text NOT NULL,
  quantity      integer NOT NULL,
  period_start  timestamptz NOT NULL,
  period_end    timestamptz NOT NULL,
  unit_price    bigint NOT NULL,
  amount        bigint NOT NULL,
  PRIMARY KEY (org_id, invoice_id, line_no),
  FOREIGN KEY (org_id, invoice_id) REFERENCES invoices(org_id, id)
);

CREATE TABLE charges (
  org_id            uuid NOT NULL,
  id                uuid NOT NULL DEFAULT gen_random_uuid(),
  kind              text NOT NULL CHECK (kind IN ('charge', 'refund')),
  -- sent to the gateway as is: a retry after a crash can never charge twice
  idempotency_key   text NOT NULL,
  payment_method_id uuid,
  subscription_id   uuid,
  invoice_id        uuid,
  amount            bigint NOT NULL CHECK (amount > 0),
  currency          char(3) NOT NULL,
  status            text NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed')),
  -- what to complete once the gateway has answered (used by reconciliation after a crash)
  purpose           text NOT NULL,
  context           jsonb NOT NULL DEFAULT '{}',
  gateway_charge_id text,
  failure_code      text,
  created_at        timestamptz NOT NULL,
  completed_at      timestamptz,
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, idempotency_key)
);
CREATE INDEX charges_pending_idx ON charges (created_at) WHERE status = 'pending';

CREATE TABLE idempotency_keys (
  org_id          uuid NOT NULL,
  person_id       uuid NOT NULL,
  key             text NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
  -- method, route and body digest: the same key with another request is refused
  request_hash    text NOT NULL,
  response_status integer,
  response_body   jsonb,
  created_at      timestamptz NOT NULL,
  expires_at      timestamptz NOT NULL,
  PRIMARY KEY (org_id, person_id, key)
);
CREATE INDEX idempotency_keys_expires_idx ON idempotency_keys (expires_at);

CREATE TABLE self_service_policies (
  org_id      uuid NOT NULL,
  product_id  text NOT NULL REFERENCES products(id),
  value       text NOT NULL CHECK (value IN ('Enabled', 'Disabled', 'OnlyTrialsWithoutPaymentMethod')),
  updated_at  timestamptz NOT NULL,
  updated_by  uuid,
  PRIMARY KEY (org_id, product_id)
);

CREATE TABLE notifications (
  org_id      uuid NOT NULL,
  id          uuid NOT NULL DEFAULT gen_random_uuid(),
  person_id   uuid NOT NULL,
  kind        text NOT NULL,
  payload     jsonb NOT NULL DEFAULT '{}',
  created_at  timestamptz NOT NULL,
  read_at     timestamptz,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, person_id) REFERENCES people(org_id, id)
);
CREATE INDEX notifications_person_idx ON notifications (org_id, person_id, created_at DESC);

-- VAT by billing country, in basis points (2000 = 20 %)
CREATE TABLE tax_rates (
  country  char(2) PRIMARY KEY,
  rate_bp  integer NOT NULL CHECK (rate_bp BETWEEN 0 AND 10000)
);
INSERT INTO tax_rates (country, rate_bp) VALUES
  ('FR', 2000), ('DE', 1900), ('GB', 2000), ('US', 0), ('ES', 2100), ('IT', 2200),
  ('NL', 2100), ('BE', 2100), ('PT', 2300), ('IE', 2300), ('AT', 2000), ('SE', 2500),
  ('DK', 2500), ('FI', 2550), ('PL', 2300), ('LU', 1700), ('CH', 810), ('NO', 2500),
  ('CA', 500), ('AU', 1000);
