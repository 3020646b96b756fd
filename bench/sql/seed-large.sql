-- A large organization for the benchmark: 100,000 people, 1,000 self-service subscriptions
-- (one buyer each, 100 licenses, half of them assigned), 1,000,000 invoices over two years.
-- Parameters come from psql-style placeholders replaced by bench/seed.ts: :now.
BEGIN;
INSERT INTO organizations (id, name, country, currency, invoice_prefix)
VALUES ('00000000-0000-4000-8000-000000000001', 'Northwind', 'FR', 'EUR', 'NWD');

INSERT INTO people (org_id, id, display_name, email, search_name, usage_location, role, status, password_hash)
SELECT '00000000-0000-4000-8000-000000000001',
       ('00000000-0000-4000-9000-' || lpad(to_hex(i), 12, '0'))::uuid,
       initcap(f.first) || ' ' || initcap(l.last) || ' ' || i,
       'p' || i || '@northwind.example',
       f.first || ' ' || l.last || ' ' || i,
       CASE WHEN i % 50 = 0 THEN NULL ELSE 'FR' END,
       CASE WHEN i = 1 THEN 'admin' ELSE 'member' END,
       'active', NULL
  FROM generate_series(1, 100000) AS i
  CROSS JOIN LATERAL (SELECT (ARRAY['adele','alex','diego','emma','felix','gaelle','hugo','ines','jules','lea','marc','nina','oscar','paul','rose','theo'])[1 + i % 16] AS first) f
  CROSS JOIN LATERAL (SELECT (ARRAY['martin','bernard','dubois','thomas','robert','richard','petit','durand','leroy','moreau','simon','laurent','michel','garcia','david','roux','vincent'])[1 + (i / 16) % 17] AS last) l;

INSERT INTO billing_profiles (org_id, id, owner_id, name, address, country, currency, created_at, updated_at)
SELECT '00000000-0000-4000-8000-000000000001',
       ('00000000-0000-4000-a000-' || lpad(to_hex(b), 12, '0'))::uuid,
       ('00000000-0000-4000-9000-' || lpad(to_hex(b + 1), 12, '0'))::uuid,
       'Profile ' || b, '{"line1":"1 rue de la Paix","city":"Paris","postalCode":"75002"}', 'FR', 'EUR', :now, :now
  FROM generate_series(1, 1000) AS b;

-- subscription s is bought by person s + 1, product by s modulo the self-service catalog
INSERT INTO subscriptions (org_id, id, product_id, buyer_id, billing_profile_id, self_service, status, term, quantity,
  unit_price, currency, term_start, term_end, auto_renew, status_changed_at, created_at, updated_at)
SELECT '00000000-0000-4000-8000-000000000001',
       ('00000000-0000-4000-b000-' || lpad(to_hex(s), 12, '0'))::uuid,
       p.id,
       ('00000000-0000-4000-9000-' || lpad(to_hex(s + 1), 12, '0'))::uuid,
       ('00000000-0000-4000-a000-' || lpad(to_hex(s), 12, '0'))::uuid,
       true, 'active', 'annual', 100, 1370, 'EUR',
       :now::timestamptz - interval '100 days', :now::timestamptz + interval '265 days', true, :now, :now, :now
  FROM generate_series(1, 1000) AS s
  JOIN LATERAL (SELECT id FROM products WHERE self_service_eligible ORDER BY sort_order OFFSET (s % 8) LIMIT 1) p ON true;

-- 50 assignments per subscription, each person at most once per product
INSERT INTO license_assignments (org_id, subscription_id, person_id, product_id, assigned_at, assigned_by)
SELECT s.org_id, s.id, ('00000000-0000-4000-9000-' || lpad(to_hex(2000 + (row_number() OVER (PARTITION BY s.product_id ORDER BY s.id, k))::int), 12, '0'))::uuid,
       s.product_id, :now, s.buyer_id
  FROM subscriptions s CROSS JOIN generate_series(1, 50) AS k
 WHERE s.org_id = '00000000-0000-4000-8000-000000000001';

INSERT INTO invoices (org_id, id, number, kind, owner_id, subscription_id, billing_profile_id, billing_snapshot, issued_at,
  period_start, period_end, currency, subtotal, tax_rate_bp, tax, total, status, payment)
SELECT '00000000-0000-4000-8000-000000000001', gen_random_uuid(),
       'NWD-' || (2025 + (n % 2)) || '-' || lpad(n::text, 7, '0'), 'invoice',
       ('00000000-0000-4000-9000-' || lpad(to_hex(1 + n % 1000 + 1), 12, '0'))::uuid,
       ('00000000-0000-4000-b000-' || lpad(to_hex(1 + n % 1000), 12, '0'))::uuid,
       ('00000000-0000-4000-a000-' || lpad(to_hex(1 + n % 1000), 12, '0'))::uuid,
       '{"name":"Profile","country":"FR"}',
       :now::timestamptz - (n % 730) * interval '1 day' - (n % 86400) * interval '1 second',
       :now::timestamptz - (n % 730) * interval '1 day', :now::timestamptz - (n % 730) * interval '1 day' + interval '1 month',
       'EUR', 137000, 2000, 27400, 164400, 'paid', '{"brand":"visa","last4":"4242"}'
  FROM generate_series(1, 1000000) AS n;
COMMIT;
ANALYZE;
