-- People are found by the start of any word of their name ("Wilber", "Durand", "dvo" for Dvořák),
-- indexed for 100,000 people: each word of the folded name (search_name, folded by the
-- application: lower case, no accents) is a row of its own, kept by a trigger.
CREATE TABLE people_search_words (
  org_id    uuid NOT NULL,
  word      text NOT NULL,
  person_id uuid NOT NULL,
  -- derived data, only ever read joined to its person: no foreign key (checking one per word made
  -- a bulk load of people crawl), the triggers below keep it
  PRIMARY KEY (org_id, word, person_id)
);
CREATE INDEX people_search_words_prefix_idx ON people_search_words (org_id, word text_pattern_ops);

-- per statement: a bulk load of people splits their names in one pass
CREATE FUNCTION people_search_words_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM people_search_words w USING changed c WHERE w.org_id = c.org_id AND w.person_id = c.id;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN NULL;
  END IF;
  INSERT INTO people_search_words (org_id, word, person_id)
    SELECT DISTINCT c.org_id, w, c.id FROM changed c, regexp_split_to_table(c.search_name, '[^[:alnum:]]+') AS w WHERE w <> ''
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER people_search_words_insert AFTER INSERT ON people
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION people_search_words_sync();
CREATE TRIGGER people_search_words_update AFTER UPDATE ON people
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION people_search_words_sync();
CREATE TRIGGER people_search_words_delete AFTER DELETE ON people
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION people_search_words_sync();

INSERT INTO people_search_words (org_id, word, person_id)
  SELECT DISTINCT p.org_id, w, p.id FROM people p, regexp_split_to_table(p.search_name, '[^[:alnum:]]+') AS w WHERE w <> ''
  ON CONFLICT DO NOTHING;
