import { useState } from 'react';

const NOTHING_SEEN = Symbol('nothing seen');

/**
 * True during the first render and each one in which `value` differs from the render before, as an
 * effect on `[value]` would run: state reset then is reset before anything is shown, with no
 * second pass of an effect (React's "adjusting state when a prop changes").
 */
export function useChanged(value: unknown): boolean {
  const [seen, setSeen] = useState<unknown>(NOTHING_SEEN);
  if (Object.is(seen, value)) return false;
  setSeen(value);
  return true;
}
