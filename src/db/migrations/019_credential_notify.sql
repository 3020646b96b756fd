-- Every server keeps a short-lived cache of the credentials it has checked (no database round
-- trip per request). A change that ends or alters a person's credentials tells every server at
-- commit, whatever code made it: they evict that person's entries.
CREATE FUNCTION notify_credentials_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed jsonb := to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END);
BEGIN
  -- the person: a people row's id, a session's or token's person_id
  PERFORM pg_notify('selfserve_credentials', coalesce(changed->>'person_id', changed->>'id'));
  RETURN NULL;
END $$;

CREATE TRIGGER people_credentials_changed AFTER UPDATE OR DELETE ON people
  FOR EACH ROW EXECUTE FUNCTION notify_credentials_changed();
-- a session or token touched (last seen, last used) changes nothing: only its end counts
CREATE TRIGGER sessions_credentials_ended AFTER UPDATE ON sessions
  FOR EACH ROW WHEN (OLD.revoked_at IS DISTINCT FROM NEW.revoked_at OR OLD.expires_at IS DISTINCT FROM NEW.expires_at)
  EXECUTE FUNCTION notify_credentials_changed();
CREATE TRIGGER sessions_credentials_deleted AFTER DELETE ON sessions
  FOR EACH ROW EXECUTE FUNCTION notify_credentials_changed();
CREATE TRIGGER api_tokens_credentials_ended AFTER UPDATE ON api_tokens
  FOR EACH ROW WHEN (OLD.revoked_at IS DISTINCT FROM NEW.revoked_at)
  EXECUTE FUNCTION notify_credentials_changed();
CREATE TRIGGER api_tokens_credentials_deleted AFTER DELETE ON api_tokens
  FOR EACH ROW EXECUTE FUNCTION notify_credentials_changed();
