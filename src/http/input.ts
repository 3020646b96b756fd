import type { FastifyInstance } from 'fastify';
import { AppError } from '../domain/errors.js';
import { isInstant, isStorableText } from '../domain/storable.js';

// Input a schema lets through but we cannot take is refused as bad input, never a 500.

/** Far deeper than any body of ours; checked without recursion, so a deep one cannot blow the stack. */
const MAX_JSON_DEPTH = 32;

/** Run once Ajv has its formats: `date-time` becomes a moment PostgreSQL can hold (no 23:59:60, no year 0000). */
export const strictDateTime = (ajv: {
  addFormat(name: string, format: { type: 'string'; validate: (s: string) => boolean }): unknown;
}) => void ajv.addFormat('date-time', { type: 'string', validate: isInstant });

export function registerInputChecks(app: FastifyInstance) {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    // the default parser answers through the callback (its type also allows a promise)
    void parseJson(request, body as string, (err, value) => {
      if (err) return done(err, undefined);
      if (deeperThan(value, MAX_JSON_DEPTH))
        return done(
          new AppError('invalid_json', `The JSON body is nested more than ${MAX_JSON_DEPTH} levels deep.`),
          undefined,
        );
      done(null, value);
    });
  });
  // what PostgreSQL cannot store: a NUL character or a lone surrogate in text, and the Infinity
  // Ajv makes of "1e309" in a query string
  app.addHook('preHandler', async (request) => {
    const bad = findUnstorable({ params: request.params, query: request.query, body: request.body });
    if (bad) throw new AppError('validation_failed', `The request is not valid: ${bad}.`);
  });
}

function deeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [v, depth] = item;
    if (!v || typeof v !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}

/** Recursive: a body here is at most MAX_JSON_DEPTH deep. */
function findUnstorable(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string')
    return isStorableText(value) ? undefined : `${path || 'a value'} contains a NUL character or a lone surrogate`;
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : `${path} must be a finite number`;
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found =
        findUnstorable(v, path ? `${path}.${k}` : k) ??
        (isStorableText(k) ? undefined : `${path || 'the body'} has a key we cannot store`);
      if (found) return found;
    }
  }
  return undefined;
}
