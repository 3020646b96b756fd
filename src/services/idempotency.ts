import { createHash } from 'node:crypto';
import type { Deps } from './deps.js';
import type { Actor } from '../domain/roles.js';
import { AppError, type ErrorCode } from '../domain/errors.js';
import {
  claimIdempotencyKey,
  findIdempotencyKey,
  releaseIdempotencyKey,
  saveIdempotentResponse,
  takeOverStaleKey,
} from '../db/idempotency-keys.js';

/** Keys are kept this long: a retry within a day replays instead of acting twice. */
export const KEY_TTL_MS = 24 * 3_600_000;
/** A request unanswered after this long is taken to have died with its server. */
export const ABANDONED_AFTER_MS = 60_000;

export interface Answer {
  status: number;
  body: unknown;
  replayed: boolean;
}

/** A stable digest of what was asked: the same key with something else is refused. */
export function requestHash(method: string, route: string, body: unknown): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
          )
        : v;
  return createHash('sha256')
    .update(JSON.stringify([method, route, canonical(body ?? null)]))
    .digest('hex');
}

/**
 * Runs `act` once per (person, key): a repeat with the same request gets the first answer
 * (success or refusal) again; with another request, 422; while the first is still running, 409
 * (until it is a minute old: then its server is taken to have died, and the retry takes over).
 * An unexpected failure frees the key, so that the person can simply retry. `statusOf` is the
 * answer's status for a refusal (the HTTP layer's mapping).
 */
export async function idempotent(
  deps: Deps,
  actor: Actor,
  key: string,
  hash: string,
  act: () => Promise<{ status: number; body: unknown }>,
  statusOf: (code: ErrorCode) => number,
): Promise<Answer> {
  const now = deps.clock.now();
  const ids = { orgId: actor.orgId, personId: actor.personId, key };
  const claim = { ...ids, requestHash: hash };
  if (
    !(await claimIdempotencyKey(deps.db, claim, now, new Date(now.getTime() + KEY_TTL_MS))) &&
    !(await takeOverStaleKey(deps.db, claim, now, new Date(now.getTime() - ABANDONED_AFTER_MS)))
  ) {
    const first = (await findIdempotencyKey(deps.db, actor.orgId, actor.personId, key))!;
    if (first.requestHash !== hash) {
      throw new AppError('idempotency_key_reused', 'This Idempotency-Key was used for another request: use a new key.');
    }
    if (first.responseStatus === null) {
      throw new AppError(
        'idempotency_request_in_progress',
        'The first request with this Idempotency-Key is still being processed: retry in a moment.',
      );
    }
    if (first.responseStatus >= 400) {
      // stored below from an AppError: a catalog code (codes are never retired)
      const e = first.responseBody as { code: ErrorCode; message: string; extra: Record<string, unknown> };
      throw new AppError(e.code, e.message, e.extra);
    }
    return { status: first.responseStatus, body: first.responseBody, replayed: true };
  }
  try {
    const answer = await act();
    await saveIdempotentResponse(deps.db, actor.orgId, actor.personId, key, answer.status, answer.body);
    return { ...answer, replayed: false };
  } catch (err) {
    if (err instanceof AppError && statusOf(err.code) < 500) {
      // a refusal is an answer too: the same request gets it again (a declined card stays declined)
      await saveIdempotentResponse(deps.db, actor.orgId, actor.personId, key, statusOf(err.code), {
        code: err.code,
        message: err.message,
        extra: err.extra,
      });
      throw err;
    }
    await releaseIdempotencyKey(deps.db, actor.orgId, actor.personId, key);
    throw err;
  }
}
