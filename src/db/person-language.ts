import type { Queryable } from './database.js';
import type { Locale } from '../domain/locale.js';

/** The language a person chose for their e-mails (null: none), with their organization's country. */
export async function findPersonLanguage(db: Queryable, orgId: string, personId: string) {
  const [row] = await db.query<{ language: Locale | null; orgCountry: string }>(
    `SELECT p.language, o.country AS "orgCountry" FROM people p JOIN organizations o ON o.id = p.org_id WHERE p.org_id = $1 AND p.id = $2`,
    [orgId, personId],
  );
  return row;
}

export async function setPersonLanguage(
  db: Queryable,
  orgId: string,
  personId: string,
  language: Locale | null,
): Promise<void> {
  await db.query('UPDATE people SET language = $3 WHERE org_id = $1 AND id = $2', [orgId, personId, language]);
}
