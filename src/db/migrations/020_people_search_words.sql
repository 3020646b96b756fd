-- People are found by the start of any word of their name ("Wilber", "Durand", "dvo" for Dvořák),
-- indexed for 100,000 people: each word of the folded name (search_name, folded by the
-- application: lower case, no accents) is a row of its own, kept by a trigger.
CREATE TABLE people_search_words (
  org_id    uuid NOT NULL,
  word      text NOT NULL,
  person_id uuid NOT NULL,
  PRIMARY KEY (org_id, word, person_id),
  FOREIGN KEY (org_id, person_id) REFERENCES people (org_id, id) ON DELETE CASCADE
);
CREATE INDEX people_search_words_prefix_idx ON people_search_words (org_id, word text_pattern_ops);

CREATE FUNCTION people_search_words_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM people_search_words WHERE org_id = NEW.org_id AND person_id = NEW.id;
  INSERT INTO people_search_words (org_id, word, person_id)
    SELECT DISTINCT NEW.org_id, w, NEW.id FROM regexp_split_to_table(NEW.search_name, '[^[:alnum:]]+') AS w WHERE w <> ''
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER people_search_words_insert AFTER INSERT ON people
  FOR EACH ROW EXECUTE FUNCTION people_search_words_sync();
CREATE TRIGGER people_search_words_update AFTER UPDATE OF search_name ON people
  FOR EACH ROW WHEN (OLD.search_name IS DISTINCT FROM NEW.search_name) EXECUTE FUNCTION people_search_words_sync();

INSERT INTO people_search_words (org_id, word, person_id)
  SELECT DISTINCT p.org_id, w, p.id FROM people p, regexp_split_to_table(p.search_name, '[^[:alnum:]]+') AS w WHERE w <> ''
  ON CONFLICT DO NOTHING;
