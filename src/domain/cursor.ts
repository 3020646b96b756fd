import { AppError } from './errors.js';
import { isStorableText } from './storable.js';

/** Keyset cursors are opaque to clients: the last row's sort key, base64url JSON. */
export function encodeCursor(key: object): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/**
 * The key of a cursor; `isValid` checks its fields' types (dates with `isInstant`), since a client
 * can forge one. Text we could not have stored is refused here for every cursor.
 */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- T is the shape `isValid` checked, named by the caller
export function decodeCursor<T extends object>(
  cursor: string | undefined,
  isValid: (key: Record<string, unknown>) => boolean = () => true,
): T | undefined {
  if (!cursor) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (isKey(value) && isValid(value)) return value as T;
  } catch {
    // fall through to the refusal below
  }
  throw new AppError('invalid_cursor', 'The cursor is not one this API gave out.');
}

const isKey = (v: unknown): v is Record<string, unknown> =>
  !!v &&
  typeof v === 'object' &&
  !Array.isArray(v) &&
  Object.values(v).every((f) => typeof f !== 'string' || isStorableText(f));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: unknown): v is string => typeof v === 'string' && UUID.test(v);
