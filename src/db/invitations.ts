import type { Queryable } from './database.js';
import { PERSON_JSON, type Person } from './people.js';

export type InvitationPurpose = 'invitation' | 'password_reset';

/** A new link for the person; their earlier unused links stop working. */
export async function insertInvitation(
  db: Queryable,
  i: {
    orgId: string;
    personId: string;
    purpose: InvitationPurpose;
    tokenHash: Buffer;
    createdBy: string | null;
    now: Date;
    expiresAt: Date;
  },
): Promise<string> {
  await db.query('UPDATE invitations SET used_at = $3 WHERE org_id = $1 AND person_id = $2 AND used_at IS NULL', [
    i.orgId,
    i.personId,
    i.now,
  ]);
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO invitations (org_id, person_id, purpose, token_hash, created_by, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [i.orgId, i.personId, i.purpose, i.tokenHash, i.createdBy, i.now, i.expiresAt],
  );
  return row!.id;
}

export interface OpenInvitation {
  id: string;
  purpose: InvitationPurpose;
  person: Person;
  organizationName: string;
}

/** The unused, unexpired link for a token, of a person still active. */
export async function findOpenInvitation(
  db: Queryable,
  tokenHash: Buffer,
  now: Date,
): Promise<OpenInvitation | undefined> {
  const [row] = await db.query<OpenInvitation>(
    `SELECT i.id, i.purpose, ${PERSON_JSON} AS person, o.name AS "organizationName"
       FROM invitations i JOIN people p ON p.org_id = i.org_id AND p.id = i.person_id JOIN organizations o ON o.id = i.org_id
      WHERE i.token_hash = $1 AND i.used_at IS NULL AND i.expires_at > $2 AND p.status = 'active'`,
    [tokenHash, now],
  );
  return row;
}

/** Uses the link up: of two requests presenting it at once, only one gets the person. */
export async function useInvitation(db: Queryable, tokenHash: Buffer, now: Date): Promise<OpenInvitation | undefined> {
  const [row] = await db.query<OpenInvitation>(
    `WITH used AS (
       UPDATE invitations SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2
       RETURNING org_id, id, person_id, purpose
     )
     SELECT u.id, u.purpose, ${PERSON_JSON} AS person, o.name AS "organizationName"
       FROM used u JOIN people p ON p.org_id = u.org_id AND p.id = u.person_id JOIN organizations o ON o.id = u.org_id
      WHERE p.status = 'active'`,
    [tokenHash, now],
  );
  return row;
}
