import { describe, expect, it } from 'vitest';
import { foldForSearch, likePrefix } from '../../src/domain/search.js';
import { decodeCursor, encodeCursor } from '../../src/domain/cursor.js';
import { AppError } from '../../src/domain/errors.js';

describe('directory search text', () => {
  it('folds case and accents so "ade" meets "Adèle"', () => {
    expect(foldForSearch('Adèle Vance')).toBe('adele vance');
    expect(foldForSearch('ÉLODIE')).toBe('elodie');
    expect(foldForSearch('Gaëlle Michel')).toBe('gaelle michel');
  });

  it('escapes LIKE wildcards typed by a person', () => {
    expect(likePrefix('a%b_c')).toBe('a\\%b\\_c%');
    expect(likePrefix('Zoé')).toBe('zoe%');
  });
});

describe('cursors', () => {
  it('round-trips a sort key and refuses one it did not give out', () => {
    const key = { searchName: 'adele vance', id: '7530644f-67c8-463a-8852-24b701cdd2ca' };
    expect(decodeCursor(encodeCursor(key))).toEqual(key);
    expect(decodeCursor(undefined)).toBeUndefined();
    for (const bad of [
      'not-base64-json',
      Buffer.from('[1,2]').toString('base64url'),
      Buffer.from('42').toString('base64url'),
    ]) {
      expect(() => decodeCursor(bad)).toThrow(AppError);
    }
    const forged = encodeCursor({ searchName: { $gt: '' }, id: 'x' });
    expect(() => decodeCursor(forged, (k) => typeof k.searchName === 'string')).toThrow(AppError);
  });
});
