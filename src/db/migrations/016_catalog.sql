-- The operator's catalog: products retired from sale, every price a product has had, and the
-- price each running subscription moves to at its next renewal.

-- retired: not sold any more; running subscriptions go on (and renew) as they are
ALTER TABLE products ADD COLUMN retired_at timestamptz;

-- product_prices holds the price new purchases pay; this is its history
CREATE TABLE product_price_versions (
  product_id     text NOT NULL REFERENCES products(id),
  currency       char(3) NOT NULL CHECK (currency IN ('EUR', 'USD', 'GBP')),
  term           text NOT NULL CHECK (term IN ('monthly', 'annual')),
  monthly_amount bigint NOT NULL CHECK (monthly_amount > 0),
  effective_from timestamptz NOT NULL,
  PRIMARY KEY (product_id, currency, term, effective_from)
);
INSERT INTO product_price_versions (product_id, currency, term, monthly_amount, effective_from)
  SELECT product_id, currency, term, monthly_amount, '-infinity' FROM product_prices;

-- A new list price reaches a running subscription at its next renewal, its buyer told at once.
CREATE TABLE subscription_price_changes (
  org_id          uuid NOT NULL,
  subscription_id uuid NOT NULL,
  unit_price      bigint NOT NULL CHECK (unit_price >= 0),
  announced_at    timestamptz NOT NULL,
  PRIMARY KEY (org_id, subscription_id),
  FOREIGN KEY (org_id, subscription_id) REFERENCES subscriptions(org_id, id)
);

-- The demo catalog's commerce product ids, corrected against Microsoft's published list
-- (Power BI Pro, Power Automate per user, Power BI Premium Per User, Microsoft 365 E3), are
-- renamed wherever a database already keeps them.
CREATE TEMPORARY TABLE product_renames (old_id text PRIMARY KEY, new_id text NOT NULL) ON COMMIT DROP;
INSERT INTO product_renames VALUES
  ('CFQ7TTC0L3PB', 'CFQ7TTC0H9MP'), ('CFQ7TTC0LSGZ', 'CFQ7TTC0LH3L'), ('CFQ7TTC0LCHC', 'CFQ7TTC0H6RP'), ('CFQ7TTC0LFLZ', 'CFQ7TTC0LFLX');
ALTER TABLE product_prices DROP CONSTRAINT product_prices_product_id_fkey;
ALTER TABLE product_price_versions DROP CONSTRAINT product_price_versions_product_id_fkey;
ALTER TABLE subscriptions DROP CONSTRAINT subscriptions_product_id_fkey;
ALTER TABLE self_service_policies DROP CONSTRAINT self_service_policies_product_id_fkey;
UPDATE products t SET id = r.new_id FROM product_renames r WHERE t.id = r.old_id;
UPDATE product_prices t SET product_id = r.new_id FROM product_renames r WHERE t.product_id = r.old_id;
UPDATE product_price_versions t SET product_id = r.new_id FROM product_renames r WHERE t.product_id = r.old_id;
UPDATE subscriptions t SET product_id = r.new_id FROM product_renames r WHERE t.product_id = r.old_id;
UPDATE self_service_policies t SET product_id = r.new_id FROM product_renames r WHERE t.product_id = r.old_id;
UPDATE license_assignments t SET product_id = r.new_id FROM product_renames r WHERE t.product_id = r.old_id;
UPDATE invoice_lines t SET product_id = r.new_id FROM product_renames r WHERE t.product_id = r.old_id;
UPDATE audit_events t SET object_id = r.new_id FROM product_renames r WHERE t.object_type = 'product' AND t.object_id = r.old_id;
-- a purchase a crash left pending is completed from its stored context
UPDATE charges t SET context = replace(t.context::text, '"' || r.old_id || '"', '"' || r.new_id || '"')::jsonb
  FROM product_renames r WHERE t.status = 'pending' AND strpos(t.context::text, '"' || r.old_id || '"') > 0;
ALTER TABLE product_prices ADD CONSTRAINT product_prices_product_id_fkey FOREIGN KEY (product_id) REFERENCES products(id);
ALTER TABLE product_price_versions ADD CONSTRAINT product_price_versions_product_id_fkey FOREIGN KEY (product_id) REFERENCES products(id);
ALTER TABLE subscriptions ADD CONSTRAINT subscriptions_product_id_fkey FOREIGN KEY (product_id) REFERENCES products(id);
ALTER TABLE self_service_policies ADD CONSTRAINT self_service_policies_product_id_fkey FOREIGN KEY (product_id) REFERENCES products(id);
