import { AppError } from './errors.js';
import { isStorableText } from './storable.js';

// The OData query options of Graph's /users, with Graph's own rules for which of them need the
// "advanced query" parameters (ConsistencyLevel: eventual, and $count=true) and its refusals:
// an option is honoured or refused, never ignored. (No published OData parser reads OData 4.01's
// `in`, which Graph uses, so this small recursive-descent one does.)

/** A user property that $filter, $search and $orderby can name, as Graph spells it. */
export type UserProperty =
  | 'id'
  | 'displayName'
  | 'mail'
  | 'userPrincipalName'
  | 'givenName'
  | 'surname'
  | 'jobTitle'
  | 'accountEnabled'
  | 'usageLocation';

export type Literal = string | boolean | null;
export type UserFilter =
  | { op: 'and' | 'or'; items: UserFilter[] }
  | { op: 'not'; item: UserFilter }
  | { op: 'eq' | 'ne'; property: UserProperty; value: Literal }
  | { op: 'in'; property: UserProperty; values: Literal[] }
  | { op: 'startswith' | 'endswith'; property: UserProperty; value: string }
  /** assignedLicenses/any(x:x/skuId eq {guid}) */
  | { op: 'hasLicense'; skuId: string };

const PROPERTIES: Record<
  string,
  { name: UserProperty; type: 'string' | 'boolean' | 'guid'; startsWith: boolean; endsWith?: boolean }
> = {
  id: { name: 'id', type: 'guid', startsWith: false },
  displayname: { name: 'displayName', type: 'string', startsWith: true },
  mail: { name: 'mail', type: 'string', startsWith: true, endsWith: true },
  userprincipalname: { name: 'userPrincipalName', type: 'string', startsWith: true, endsWith: true },
  givenname: { name: 'givenName', type: 'string', startsWith: true },
  surname: { name: 'surname', type: 'string', startsWith: true },
  jobtitle: { name: 'jobTitle', type: 'string', startsWith: true },
  accountenabled: { name: 'accountEnabled', type: 'boolean', startsWith: false },
  usagelocation: { name: 'usageLocation', type: 'string', startsWith: false },
};

export const unsupportedQuery = (message: string) =>
  new AppError('unsupported_query', message, { graphCode: 'Request_UnsupportedQuery' });
const badRequest = (message: string) => new AppError('unsupported_query', message, { graphCode: 'Request_BadRequest' });
const invalidClause = (property: string) =>
  unsupportedQuery(
    `Unsupported or invalid query filter clause specified for property '${property}' of resource 'User'.`,
  );
const syntax = (filter: string, at: number) =>
  badRequest(`Invalid filter clause: syntax error at position ${at} in '${filter}'.`);
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Token = { kind: 'word' | 'string' | 'punct' | 'guid'; text: string; at: number };

function tokenize(filter: string): Token[] {
  const tokens: Token[] = [];
  const re =
    /\s*(?:'((?:[^']|'')*)'|([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![\w-])|([A-Za-z_][\w.]*)|([(),/:]))/giy;
  let m: RegExpExecArray | null;
  while (re.lastIndex < filter.length && (m = re.exec(filter))) {
    const at = m.index + m[0].length - m[0].trimStart().length;
    if (m[1] !== undefined) tokens.push({ kind: 'string', text: m[1].replace(/''/g, "'"), at });
    else if (m[2]) tokens.push({ kind: 'guid', text: m[2].toLowerCase(), at });
    else if (m[3]) tokens.push({ kind: 'word', text: m[3], at });
    else tokens.push({ kind: 'punct', text: m[4]!, at });
  }
  if (re.lastIndex < filter.length && filter.slice(re.lastIndex).trim()) throw syntax(filter, re.lastIndex);
  return tokens;
}

/** Parses a Graph $filter on users: eq, ne, in, startswith, endswith, not, and, or, parentheses, assignedLicenses/any(). */
export function parseUserFilter(filter: string | undefined): UserFilter | undefined {
  if (!filter?.trim()) return undefined;
  if (!isStorableText(filter)) throw badRequest('The filter holds characters that cannot be stored.');
  const tokens = tokenize(filter);
  let i = 0;
  const peek = () => tokens[i];
  const next = () =>
    tokens[i++] ??
    (() => {
      throw syntax(filter, filter.length);
    })();
  const word = (t: Token | undefined, w: string) => t?.kind === 'word' && t.text.toLowerCase() === w.toLowerCase();
  const expect = (text: string) => {
    const t = next();
    if (t.text !== text) throw syntax(filter, t.at);
  };
  const property = () => {
    const t = next();
    const p = t.kind === 'word' ? PROPERTIES[t.text.toLowerCase()] : undefined;
    if (!p) throw badRequest(`Could not find a property named '${t.text}' on type 'microsoft.graph.user'.`);
    return p;
  };
  const literal = (p: (typeof PROPERTIES)[string]): Literal => {
    const t = next();
    if (word(t, 'null')) return null;
    if (p.type === 'boolean' && (word(t, 'true') || word(t, 'false'))) return t.text.toLowerCase() === 'true';
    if (p.type === 'guid' && (t.kind === 'guid' || (t.kind === 'string' && GUID.test(t.text))))
      return t.text.toLowerCase();
    if (p.type === 'string' && t.kind === 'string') return t.text;
    throw invalidClause(p.name);
  };
  const primary = (): UserFilter => {
    const t = peek();
    if (t?.text === '(') {
      next();
      const inner = or();
      expect(')');
      return inner;
    }
    if (word(t, 'not')) {
      next();
      return { op: 'not', item: primary() };
    }
    if (word(t, 'startswith') || word(t, 'endswith')) {
      const op = next().text.toLowerCase() as 'startswith' | 'endswith';
      expect('(');
      const p = property();
      expect(',');
      const value = literal(p);
      expect(')');
      if (typeof value !== 'string' || (op === 'startswith' ? !p.startsWith : !p.endsWith)) throw invalidClause(p.name);
      return { op, property: p.name, value };
    }
    if (word(t, 'assignedLicenses')) {
      next();
      expect('/');
      if (!word(next(), 'any')) throw invalidClause('assignedLicenses');
      expect('(');
      const v = next().text;
      expect(':');
      if (next().text !== v || next().text !== '/' || !word(next(), 'skuId') || !word(next(), 'eq'))
        throw invalidClause('assignedLicenses');
      const sku = next();
      if (sku.kind !== 'guid') throw invalidClause('assignedLicenses');
      expect(')');
      return { op: 'hasLicense', skuId: sku.text };
    }
    const p = property();
    const op = next();
    if (word(op, 'eq') || word(op, 'ne'))
      return { op: op.text.toLowerCase() as 'eq' | 'ne', property: p.name, value: literal(p) };
    if (word(op, 'in')) {
      expect('(');
      const values = [literal(p)];
      while (peek()?.text === ',') {
        next();
        values.push(literal(p));
      }
      expect(')');
      if (values.length > 15) throw unsupportedQuery('Too many values in the in operator: at most 15.');
      return { op: 'in', property: p.name, values };
    }
    throw invalidClause(p.name);
  };
  /** operands joined by one operator (and binds tighter than or) */
  const joined = (op: 'and' | 'or', operand: () => UserFilter) => (): UserFilter => {
    const items = [operand()];
    while (word(peek(), op)) {
      next();
      items.push(operand());
    }
    return items.length === 1 ? items[0]! : { op, items };
  };
  const and = joined('and', primary);
  const or = joined('or', and);
  const parsed = or();
  if (i < tokens.length) throw syntax(filter, tokens[i]!.at);
  return parsed;
}

/** The operator of a filter that only advanced queries allow (ne, not, endsWith, null), if any. */
export function advancedOperator(f: UserFilter | undefined): string | undefined {
  if (!f) return undefined;
  switch (f.op) {
    case 'and':
    case 'or':
      return f.items.map(advancedOperator).find(Boolean);
    case 'not':
      return 'not';
    case 'ne':
      return 'ne';
    case 'endswith':
      return 'endsWith';
    case 'eq':
      return f.value === null ? 'eq null' : undefined;
    case 'in':
      return f.values.includes(null) ? 'in null' : undefined;
    default:
      return undefined;
  }
}

/** $search's clauses: "property:term" joined by AND and OR (AND binds tighter), as groups ORed together. */
export type UserSearch = {
  property: 'displayName' | 'mail' | 'userPrincipalName' | 'givenName' | 'surname';
  term: string;
}[][];
const SEARCHABLE: Record<string, UserSearch[number][number]['property']> = {
  displayname: 'displayName',
  mail: 'mail',
  userprincipalname: 'userPrincipalName',
  givenname: 'givenName',
  surname: 'surname',
};

export function parseSearch(search: string | undefined): UserSearch | undefined {
  if (search === undefined) return undefined;
  if (!isStorableText(search)) throw badRequest('The search holds characters that cannot be stored.');
  const clause = /\s*"([A-Za-z]+):([^"]*)"\s*/y;
  const groups: UserSearch = [[]];
  let at = 0;
  while (at < search.length) {
    clause.lastIndex = at;
    const m = clause.exec(search);
    if (!m) throw badRequest(`Syntax error: character '${search[at]}' is not valid at position ${at} in '${search}'.`);
    const property = SEARCHABLE[m[1]!.toLowerCase()];
    if (!property) throw badRequest(`Could not find a property named '${m[1]}' on type 'microsoft.graph.user'.`);
    // an empty term would match everyone: a bulk script must not act on all for a typo
    if (!/[\p{L}\p{N}]/u.test(m[2]!)) throw badRequest(`The search term for ${property} is empty.`);
    groups.at(-1)!.push({ property, term: m[2]! });
    at = clause.lastIndex;
    const joiner = /(AND|OR)\s*/y;
    joiner.lastIndex = at;
    const j = joiner.exec(search);
    if (j) {
      if (j[1] === 'OR') groups.push([]);
      at = joiner.lastIndex;
      if (at >= search.length) throw badRequest(`Syntax error: the search '${search}' ends with ${j[1]}.`);
    } else if (at < search.length)
      throw badRequest(`Syntax error: character '${search[at]}' is not valid at position ${at} in '${search}'.`);
  }
  if (!groups[0]!.length) throw badRequest('The $search query parameter needs a "property:term" clause.');
  return groups;
}

export interface UserOrder {
  property: 'displayName' | 'userPrincipalName';
  descending: boolean;
}

const ORDERABLE: Record<string, UserOrder['property']> = {
  displayname: 'displayName',
  userprincipalname: 'userPrincipalName',
};

/** $orderby on users: displayName or userPrincipalName, ascending or descending (Graph sorts users by these by default). */
export function parseOrderBy(orderby: string | undefined): UserOrder | undefined {
  if (orderby === undefined) return undefined;
  const m = /^\s*(\w+)(?:\s+(asc|desc))?\s*$/i.exec(orderby);
  if (!m)
    throw unsupportedQuery(
      `Sorting on '${orderby}' is not supported: order by one property, displayName or userPrincipalName.`,
    );
  const property = ORDERABLE[m[1]!.toLowerCase()];
  if (!property) {
    throw PROPERTIES[m[1]!.toLowerCase()]
      ? unsupportedQuery('Sorting not supported for current query.')
      : badRequest(`Could not find a property named '${m[1]}' on type 'microsoft.graph.user'.`);
  }
  return { property, descending: m[2]?.toLowerCase() === 'desc' };
}

/** What the advanced query parameters allow, refused as Graph refuses it when they are missing. */
export function checkAdvancedQuery(q: {
  filter?: UserFilter | undefined;
  search?: UserSearch | undefined;
  orderBy?: UserOrder | undefined;
  count: boolean;
  eventual: boolean;
}): void {
  if (q.search && !q.eventual) {
    throw unsupportedQuery(
      "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
    );
  }
  const advanced = q.eventual && q.count;
  const operator = advancedOperator(q.filter);
  if (operator && !advanced) {
    throw unsupportedQuery(
      `Operator '${operator}' is not supported because the required parameters might be missing. Try adding $count=true query parameter and ConsistencyLevel:eventual header. Refer to https://aka.ms/graph-docs/advanced-queries for more information`,
    );
  }
  if (q.filter && q.orderBy && !advanced) throw unsupportedQuery('Sorting not supported for current query.');
}

/** $select: the properties asked for, among those the resource has. */
export function parseSelect(
  select: string | undefined,
  known: readonly string[],
  type = 'microsoft.graph.user',
): string[] | undefined {
  if (!select?.trim()) return undefined;
  const fields = select
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const wrong = fields.find((f) => !known.some((k) => k.toLowerCase() === f.toLowerCase()));
  if (wrong !== undefined) throw badRequest(`Could not find a property named '${wrong}' on type '${type}'.`);
  return known.filter((k) => fields.some((f) => f.toLowerCase() === k.toLowerCase()));
}

/** Relationships of Graph's user that this API does not model (licenseDetails is read at its own path). */
const NAVIGATION = [
  'manager',
  'directReports',
  'memberOf',
  'transitiveMemberOf',
  'ownedObjects',
  'registeredDevices',
  'ownedDevices',
  'licenseDetails',
  'extensions',
];

/**
 * $expand: nothing here can be expanded, so every expansion is refused, as Graph refuses a
 * property that is not a relationship, or naming the relationship this API does not expand.
 */
export function refuseExpand(
  expand: string | undefined,
  properties: readonly string[],
  type = 'microsoft.graph.user',
): void {
  if (expand === undefined) return;
  const name = expand.split(/[,(]/)[0]!.trim();
  if (NAVIGATION.some((p) => p.toLowerCase() === name.toLowerCase()))
    throw unsupportedQuery(`Expanding '${name}' is not supported by this service.`);
  if (properties.some((p) => p.toLowerCase() === name.toLowerCase())) {
    throw badRequest(
      `Property '${name}' on type '${type}' is not a navigation property or complex property. Only navigation properties can be expanded.`,
    );
  }
  throw badRequest(`Could not find a property named '${name}' on type '${type}'.`);
}
