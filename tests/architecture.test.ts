import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { cruise, type ICruiseResult } from 'dependency-cruiser';

// The allowed imports of architecture.md, as .dependency-cruiser.cjs states them.
const rules = createRequire(import.meta.url)('../.dependency-cruiser.cjs');

describe('the house', () => {
  it('keeps every import within the rules of architecture.md', async () => {
    const { output } = await cruise(['src', 'web/src'], {
      ...rules.options,
      validate: true,
      ruleSet: { forbidden: rules.forbidden },
    });
    const violations = (output as ICruiseResult).summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`);
    expect(violations).toEqual([]);
  }, 60_000);
});
