import { describe, expect, it } from 'vitest';
import { AppError, codesOf, ERROR_CODES, ERROR_KINDS } from '../../src/domain/errors.js';
import { HTTP_PROBLEM_CODES, problem, statusOf } from '../../src/http/errors.js';

describe('the error-code catalog', () => {
  it('gives each code one kind, and HTTP its own codes apart', () => {
    const listed = ERROR_KINDS.flatMap((kind) => codesOf(kind));
    expect(new Set(listed).size).toBe(listed.length);
    expect(ERROR_CODES).toHaveLength(listed.length);
    expect(HTTP_PROBLEM_CODES.filter((code) => (listed as string[]).includes(code))).toEqual([]);
  });

  it('answers a refusal with the status of its kind, the same for every code of the kind', () => {
    const statuses = Object.fromEntries(ERROR_KINDS.map((kind) => [kind, [...new Set(codesOf(kind).map(statusOf))]]));
    expect(statuses).toEqual({
      invalid: [400],
      unauthenticated: [401],
      payment_failed: [402],
      forbidden: [403],
      not_found: [404],
      conflict: [409],
      rule_violation: [422],
      too_many: [429],
      upstream_failed: [502],
      unavailable: [503],
    });
    const refusal = new AppError('licenses_assigned', '3 licenses are assigned.', { assigned: 3 });
    expect([refusal.kind, problem(refusal.code, refusal.message, refusal.extra)]).toEqual([
      'conflict',
      {
        type: 'https://selfserve.example/problems/licenses_assigned',
        title: 'Conflict',
        status: 409,
        code: 'licenses_assigned',
        detail: '3 licenses are assigned.',
        assigned: 3,
      },
    ]);
  });
});
