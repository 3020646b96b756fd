import { useLayoutEffect, useSyncExternalStore } from 'react';

// How many of the page's lists and details are still on their way. The shell's <main aria-busy>
// says so: assistive technologies may wait before reading a region that is still filling in, and
// a browser test knows when the page is whole without guessing from network silence.
let loading = 0;
const listeners = new Set<() => void>();
const add = (n: number) => {
  loading += n;
  listeners.forEach((changed) => changed());
};

/**
 * Counts one load while `busy`. A layout effect: the count changes in the same commit as what the
 * load shows (its page appearing, its answer displayed), so nobody sees one without the other.
 */
export function useCountLoading(busy: boolean) {
  useLayoutEffect(() => {
    if (!busy) return;
    add(1);
    return () => add(-1);
  }, [busy]);
}

/** Whether anything is still loading. */
export const useLoading = () =>
  useSyncExternalStore(
    (changed) => {
      listeners.add(changed);
      return () => listeners.delete(changed);
    },
    () => loading > 0,
  );
