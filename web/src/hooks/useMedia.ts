import { useSyncExternalStore } from 'react';

/** Whether a CSS media query matches now, following its changes (window resized, system theme switched). */
export function useMedia(query: string): boolean {
  return useSyncExternalStore(
    (changed) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', changed);
      return () => list.removeEventListener('change', changed);
    },
    () => window.matchMedia(query).matches,
  );
}

/** Phones and narrow windows: the navigation folds behind a menu button and panes take the whole screen. */
export const NARROW = '(max-width: 767px)';
export const useNarrow = () => useMedia(NARROW);
