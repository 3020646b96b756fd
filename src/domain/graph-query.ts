import { AppError } from './errors.js';

/** The part of OData $filter that Graph tooling uses to find users. */
export type UserFilter =
  | { op: 'startswith'; field: 'name' | 'email'; value: string }
  | { op: 'eq'; field: 'email' | 'id'; value: string };

const FIELDS: Record<string, 'name' | 'email' | 'id'> = { displayname: 'name', mail: 'email', userprincipalname: 'email', id: 'id' };

const unsupported = (what: string) =>
  new AppError(400, 'unsupported_query', `Unsupported query: ${what}.`, { graphCode: 'Request_UnsupportedQuery' });

/** Parses startswith(displayName,'ad') or mail eq 'x@y' (quotes doubled inside, as OData escapes them). */
export function parseUserFilter(filter: string | undefined): UserFilter | undefined {
  if (!filter?.trim()) return undefined;
  const literal = `'((?:[^']|'')*)'`;
  const starts = new RegExp(`^\\s*startswith\\(\\s*(\\w+)\\s*,\\s*${literal}\\s*\\)\\s*$`, 'i').exec(filter);
  const eq = new RegExp(`^\\s*(\\w+)\\s+eq\\s+${literal}\\s*$`, 'i').exec(filter);
  const match = starts ?? eq;
  const field = match && FIELDS[match[1]!.toLowerCase()];
  if (!match || !field) throw unsupported(filter);
  const value = match[2]!.replace(/''/g, "'");
  if (starts) {
    if (field === 'id') throw unsupported(filter);
    return { op: 'startswith', field, value };
  }
  if (field === 'name') throw unsupported(filter);
  return { op: 'eq', field, value };
}

/** $select: the properties asked for, among those a user has. */
export function parseSelect(select: string | undefined, known: readonly string[]): string[] | undefined {
  if (!select?.trim()) return undefined;
  const fields = select.split(',').map((s) => s.trim()).filter(Boolean);
  const wrong = fields.filter((f) => !known.includes(f));
  if (wrong.length) throw new AppError(400, 'unsupported_query', `Could not find a property named '${wrong[0]}' on type 'microsoft.graph.user'.`, { graphCode: 'Request_BadRequest' });
  return fields;
}
