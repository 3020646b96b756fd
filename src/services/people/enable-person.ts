import type { Deps } from '../deps.js';
import type { Queryable } from '../../db/database.js';
import type { Actor } from '../../domain/roles.js';
import type { Person } from '../../db/people.js';
import { changePersonStatus, setPersonStatus } from './person-changes.js';

/** Lets a disabled person sign in again (their old sessions stay ended); false when they were active. */
export const enablePersonTx = (tx: Queryable, now: Date, person: Person, actorId: string | null, via?: string) =>
  setPersonStatus(tx, now, person, 'active', { actorId, via });

export const enablePerson = (deps: Deps, actor: Actor, id: string) =>
  changePersonStatus(deps, actor, id, (tx, now, person) => enablePersonTx(tx, now, person, actor.personId));
