-- The directory at 100,000 people: its first page and a search's first page read a few index
-- entries, not every person nor every match's row.
-- search_name is folded (lower case, no accents), so byte order is alphabetical order; in that
-- order (COLLATE "C") one B-tree serves both ORDER BY search_name and LIKE 'prefix%', which the
-- pattern index beside the database's collation could not (the People page sorted everyone).
ALTER TABLE people ALTER COLUMN search_name TYPE text COLLATE "C";
DROP INDEX people_search_name_idx;
CREATE INDEX people_directory_idx ON people (org_id, search_name, id) WHERE deleted_at IS NULL;
-- e-mail prefixes, with the sort key: the matches are ranked from the index alone
DROP INDEX people_search_email_idx;
CREATE INDEX people_search_email_idx ON people (org_id, email text_pattern_ops) INCLUDE (search_name, id) WHERE deleted_at IS NULL;

-- Each word of a name now carries its person's sort key, so that the first page of people with a
-- word starting "dur" is taken from the index, whatever the number of matches. Deleted people
-- keep no words: they are out of the directory.
DROP TABLE people_search_words;
CREATE TABLE people_search_words (
  org_id      uuid NOT NULL,
  word        text COLLATE "C" NOT NULL,
  person_id   uuid NOT NULL,
  search_name text COLLATE "C" NOT NULL,
  PRIMARY KEY (org_id, word, person_id) INCLUDE (search_name)
);

CREATE OR REPLACE FUNCTION people_search_words_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM people_search_words w USING changed c WHERE w.org_id = c.org_id AND w.person_id = c.id;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN NULL;
  END IF;
  INSERT INTO people_search_words (org_id, word, person_id, search_name)
    SELECT DISTINCT c.org_id, w, c.id, c.search_name
      FROM changed c, regexp_split_to_table(c.search_name, '[^[:alnum:]]+') AS w
     WHERE w <> '' AND c.deleted_at IS NULL;
  RETURN NULL;
END $$;

INSERT INTO people_search_words (org_id, word, person_id, search_name)
  SELECT DISTINCT p.org_id, w, p.id, p.search_name
    FROM people p, regexp_split_to_table(p.search_name, '[^[:alnum:]]+') AS w
   WHERE w <> '' AND p.deleted_at IS NULL;
