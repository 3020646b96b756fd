import type { Queryable } from './database.js';

export interface AttemptCount {
  keyHash: Uint8Array;
  attempts: number;
  windowStart: Date;
}

/**
 * Counts one attempt for each key, in one statement whose row locks make concurrent attempts
 * count one after the other (so the Nth attempt sees N, on any server). A key whose window
 * started before `windowFrom` starts a new window at `now`.
 */
export function countAttempts(
  db: Queryable,
  keyHashes: Buffer[],
  now: Date,
  windowFrom: Date,
): Promise<AttemptCount[]> {
  return db.query<AttemptCount>(
    `INSERT INTO sign_in_attempts AS a (key_hash, window_start, attempts)
     SELECT k, $2, 1 FROM unnest($1::bytea[]) AS k ORDER BY k
     ON CONFLICT (key_hash) DO UPDATE SET
       attempts = CASE WHEN a.window_start > $3 THEN a.attempts + 1 ELSE 1 END,
       window_start = CASE WHEN a.window_start > $3 THEN a.window_start ELSE excluded.window_start END
     RETURNING key_hash AS "keyHash", attempts, window_start AS "windowStart"`,
    [keyHashes, now, windowFrom],
  );
}

/** Takes back one counted attempt of each key (it was no failure). */
export async function uncountAttempts(db: Queryable, keyHashes: Buffer[]): Promise<void> {
  await db.query(
    'UPDATE sign_in_attempts SET attempts = attempts - 1 WHERE key_hash = ANY($1::bytea[]) AND attempts > 0',
    [keyHashes],
  );
}

export async function forgetAttempts(db: Queryable, keyHashes: Buffer[]): Promise<void> {
  await db.query('DELETE FROM sign_in_attempts WHERE key_hash = ANY($1::bytea[])', [keyHashes]);
}

/** Windows that have ended are dropped, so a flood of made-up emails cannot grow the table for long. */
export async function deleteEndedWindows(db: Queryable, windowFrom: Date): Promise<void> {
  await db.query('DELETE FROM sign_in_attempts WHERE window_start <= $1', [windowFrom]);
}
