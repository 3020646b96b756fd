import { parse, type Filter } from 'scim2-parse-filter';
import { ScimError } from '../domain/scim.js';

/** How a filterable SCIM attribute is stored: a SQL expression, or a constant of our single work e-mail. */
export type ScimColumn =
  | { sql: string; kind: 'text' | 'lowercase' | 'caseExact' | 'boolean' | 'uuid' }
  | { constant: string | boolean }
  /** a multi-valued attribute kept in another table: the condition that one of its values equals the parameter */
  | { contains: (param: string) => string };

const invalid = (detail: string) => new ScimError(400, 'invalidFilter', detail);

/**
 * A SCIM filter (RFC 7644 §3.4.2.2) as a SQL condition on the given attributes, with its
 * values appended to `params`. Attribute names are case-insensitive; so are the values of
 * "text" and "lowercase" attributes (userName, emails, displayName), not those of externalId.
 */
export function filterToSql(filter: string, columns: Record<string, ScimColumn>, params: unknown[]): string {
  let ast: Filter;
  try {
    ast = parse(filter);
  } catch (err) {
    throw invalid(`The filter cannot be read: ${(err as Error).message}`);
  }
  const lookup = new Map(Object.entries(columns).map(([k, v]) => [k.toLowerCase(), v]));
  const column = (path: string) => {
    const found = lookup.get(path.toLowerCase());
    if (!found) throw invalid(`Filtering on "${path}" is not supported; use ${Object.keys(columns).join(', ')}.`);
    return found;
  };
  const param = (value: unknown, cast: string) => {
    params.push(value);
    return `$${params.length}::${cast}`;
  };
  const like = (value: string, op: 'co' | 'sw' | 'ew') => {
    const escaped = value.replace(/[\\%_]/g, (c) => '\\' + c);
    return op === 'co' ? `%${escaped}%` : op === 'sw' ? `${escaped}%` : `%${escaped}`;
  };

  const toSql = (f: Filter, prefix: string): string => {
    switch (f.op) {
      case 'and':
      case 'or':
        return `(${f.filters.map((x) => toSql(x, prefix)).join(` ${f.op.toUpperCase()} `)})`;
      case 'not':
        return `(NOT ${toSql(f.filter, prefix)})`;
      case '[]':
        return toSql(f.valFilter, `${prefix}${f.attrPath}.`);
      case 'pr': {
        const c = column(prefix + f.attrPath);
        if ('constant' in c) return 'TRUE';
        if ('contains' in c) return c.contains('NULL').replace(/ = NULL/, ' IS NOT NULL');
        return `(${c.sql} IS NOT NULL AND ${c.sql}::text <> '')`;
      }
      default: {
        const c = column(prefix + f.attrPath);
        const value = f.compValue;
        if ('constant' in c) {
          const equal =
            typeof c.constant === 'string' && typeof value === 'string'
              ? c.constant.toLowerCase() === value.toLowerCase()
              : c.constant === value;
          if (f.op === 'eq' || f.op === 'ne') return (f.op === 'eq') === equal ? 'TRUE' : 'FALSE';
          throw invalid(`"${f.op}" is not supported on ${prefix + f.attrPath}.`);
        }
        if ('contains' in c) {
          if (f.op !== 'eq' || typeof value !== 'string') throw invalid(`${prefix + f.attrPath} supports eq only.`);
          return c.contains(param(value, 'text'));
        }
        if (c.kind === 'boolean') {
          if (typeof value !== 'boolean' || (f.op !== 'eq' && f.op !== 'ne'))
            throw invalid(`${f.attrPath} compares with eq or ne to true or false.`);
          return `(${c.sql} ${f.op === 'eq' ? '=' : '<>'} ${param(value, 'boolean')})`;
        }
        if (typeof value !== 'string') throw invalid(`${f.attrPath} compares with a string.`);
        // "lowercase": stored folded already, so the comparison can use the column's index
        const [col, val] =
          c.kind === 'text'
            ? [`lower(${c.sql})`, value.toLowerCase()]
            : c.kind === 'lowercase'
              ? [c.sql, value.toLowerCase()]
              : [`${c.sql}::text`, value];
        switch (f.op) {
          case 'eq':
            return `(${col} = ${param(val, 'text')})`;
          case 'ne':
            return `(${col} IS DISTINCT FROM ${param(val, 'text')})`;
          case 'co':
          case 'sw':
          case 'ew':
            return `(${col} LIKE ${param(like(val, f.op), 'text')})`;
          default:
            throw invalid(`The operator "${f.op}" is not supported; use eq, ne, co, sw, ew, pr, and, or, not.`);
        }
      }
    }
  };
  return toSql(ast, '');
}
