import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { defaultLocaleFor, type Locale } from '../../domain/locale.js';
import { findPersonLanguage, setPersonLanguage } from '../../db/person-language.js';
import { recordAuditBy } from '../audit.js';

/** The language the person's e-mails go out in: their choice, else their organization's (French in France). */
export async function getMailLanguage(deps: Deps, actor: Actor) {
  const { language, orgCountry } = (await findPersonLanguage(deps.db, actor.orgId, actor.personId))!;
  return { language: language ?? defaultLocaleFor(orgCountry), chosen: language !== null };
}

/** Chooses it (null: back to the organization's). Anyone may: it is their own. */
export async function setMailLanguage(deps: Deps, actor: Actor, language: Locale | null) {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await setPersonLanguage(tx, actor.orgId, actor.personId, language);
    await recordAuditBy(tx, now, actor, {
      action: 'person.language_set',
      objectType: 'person',
      objectId: actor.personId,
      details: { language },
    });
  });
  return getMailLanguage(deps, actor);
}
