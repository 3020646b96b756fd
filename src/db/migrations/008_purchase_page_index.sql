-- The admin view pages purchases by (created_at, id) newest first: with id in the index, a page
-- is read in order and stops after its rows, instead of sorting every purchase of the organization.
DROP INDEX subscriptions_org_idx;
CREATE INDEX subscriptions_org_page_idx ON subscriptions (org_id, self_service, created_at DESC, id DESC);
