import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AppError } from '../../src/domain/errors.js';
import { advancedOperator, parseOrderBy, parseSearch, parseUserFilter } from '../../src/domain/graph-query.js';
import { statusOf } from '../../src/http/errors.js';

describe("Graph's $filter, $search and $orderby on users", () => {
  it('reads the operators Graph tooling writes, with their precedence', () => {
    expect(
      parseUserFilter(
        "accountEnabled eq true and (usageLocation in ('FR','de') or not startswith(displayName,'O''Brien'))",
      ),
    ).toEqual({
      op: 'and',
      items: [
        { op: 'eq', property: 'accountEnabled', value: true },
        {
          op: 'or',
          items: [
            { op: 'in', property: 'usageLocation', values: ['FR', 'de'] },
            { op: 'not', item: { op: 'startswith', property: 'displayName', value: "O'Brien" } },
          ],
        },
      ],
    });
    expect(parseUserFilter('assignedLicenses/any(s:s/skuId eq F8A1DB68-BE16-40ED-86D5-CB42CE701560)')).toEqual({
      op: 'hasLicense',
      skuId: 'f8a1db68-be16-40ed-86d5-cb42ce701560',
    });
    expect(parseUserFilter('usageLocation eq null')).toEqual({ op: 'eq', property: 'usageLocation', value: null });
  });

  it('tells which operators need the advanced query parameters', () => {
    expect(advancedOperator(parseUserFilter("mail eq 'a@b.c'"))).toBeUndefined();
    expect(advancedOperator(parseUserFilter("usageLocation in ('FR')"))).toBeUndefined();
    expect(advancedOperator(parseUserFilter("endswith(mail,'@contoso.example')"))).toBe('endsWith');
    expect(advancedOperator(parseUserFilter("accountEnabled eq true and usageLocation ne 'FR'"))).toBe('ne');
    expect(advancedOperator(parseUserFilter('not(accountEnabled eq true)'))).toBe('not');
  });

  it('refuses what Graph refuses, with its codes', () => {
    const refusal = (run: () => unknown) => {
      try {
        run();
      } catch (err) {
        return [statusOf((err as AppError).code), (err as AppError).extra.graphCode];
      }
      return 'accepted';
    };
    expect(refusal(() => parseUserFilter("startswith(id,'ab')"))).toEqual([400, 'Request_UnsupportedQuery']);
    expect(refusal(() => parseUserFilter("endswith(displayName,'x')"))).toEqual([400, 'Request_UnsupportedQuery']);
    expect(refusal(() => parseUserFilter("accountEnabled eq 'yes'"))).toEqual([400, 'Request_UnsupportedQuery']);
    expect(refusal(() => parseUserFilter("mail eq 'a' and"))).toEqual([400, 'Request_BadRequest']);
    expect(refusal(() => parseSearch('"displayName:a" AND'))).toEqual([400, 'Request_BadRequest']);
    expect(refusal(() => parseSearch('"displayName:"'))).toEqual([400, 'Request_BadRequest']);
    expect(refusal(() => parseOrderBy('displayName, mail'))).toEqual([400, 'Request_UnsupportedQuery']);
  });

  it('answers any text with a parse or a 400, never anything else', () => {
    const pieces = fc.constantFrom(
      'accountEnabled',
      'usageLocation',
      'mail',
      'eq',
      'ne',
      'in',
      'not',
      'and',
      'or',
      '(',
      ')',
      ',',
      "'FR'",
      "''",
      'true',
      'null',
      'startswith',
      'assignedLicenses',
      '/',
      'any',
      ':',
      'x',
      '\u0000',
      'f8a1db68-be16-40ed-86d5-cb42ce701560',
      ' ',
      '"',
      'displayName:a',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(pieces, { maxLength: 12 }).map((p) => p.join(' ')),
        ),
        (text) => {
          for (const parse of [parseUserFilter, parseSearch, parseOrderBy]) {
            try {
              parse(text);
            } catch (err) {
              expect(err).toBeInstanceOf(AppError);
              expect(statusOf((err as AppError).code)).toBe(400);
            }
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
