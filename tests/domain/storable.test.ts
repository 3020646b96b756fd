import { describe, expect, it } from 'vitest';
import { isCalendarDay, isInstant, isStorableText } from '../../src/domain/storable.js';

describe('what PostgreSQL can store', () => {
  it('takes RFC 3339 instants on existing days of years 0001 to 9999', () => {
    for (const ok of [
      '2026-03-02T09:00:00.000Z',
      '2020-02-29T23:59:59Z',
      '0001-01-01T00:00:00+01:00',
      '9999-12-31T23:59:59.999999-14:00',
    ]) {
      expect(isInstant(ok), ok).toBe(true);
    }
    for (const bad of [
      '2020-12-31T23:59:60Z',
      '0000-01-01T00:00:00Z',
      '2020-02-30T00:00:00Z',
      '2021-02-29T00:00:00Z',
      '+275760-09-13T00:00:00.000Z',
      '2026-03-02T24:00:00Z',
      '2026-03-02 09:00:00Z',
      '2026-03-02T09:00:00',
      '2026-03-02',
      20260302,
      null,
    ]) {
      expect(isInstant(bad), String(bad)).toBe(false);
    }
  });

  it('takes days that exist', () => {
    expect(['2024-02-29', '0001-01-01', '9999-12-31'].map(isCalendarDay)).toEqual([true, true, true]);
    expect(['2023-02-29', '0000-01-01', '2026-13-01', '2026-3-1', '10000-01-01'].map(isCalendarDay)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('refuses a NUL character and a lone surrogate, not other text', () => {
    expect(['Adèle', '😀 paired surrogates', ''].map(isStorableText)).toEqual([true, true, true]);
    expect(['a\u0000b', 'a\ud800b', '\udc00'].map(isStorableText)).toEqual([false, false, false]);
  });
});
