import { AppError } from './errors.js';

/** Keyset cursors are opaque to clients: the last row's sort key, base64url JSON. */
export function encodeCursor(key: object): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The key of a cursor; `isValid` checks its fields' types, since a client can forge one. */
export function decodeCursor<T extends object>(cursor: string | undefined, isValid: (key: Record<string, unknown>) => boolean = () => true): T | undefined {
  if (!cursor) return undefined;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value) && isValid(value)) return value as T;
  } catch {
    // fall through to the refusal below
  }
  throw new AppError(400, 'invalid_cursor', 'The cursor is not one this API gave out.');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: unknown): v is string => typeof v === 'string' && UUID.test(v);
