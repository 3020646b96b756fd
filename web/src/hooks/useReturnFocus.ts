import { useEffect, useRef } from 'react';

/**
 * Gives focus back to what had it when a pane opened (the button that opened it) once the pane
 * closes, rather than wherever the drawer's own restoring lands.
 */
export function useReturnFocus(open: boolean) {
  const opener = useRef<HTMLElement | null>(null);
  const wasOpen = useRef(false);
  // read during the render that opens the pane: afterwards the pane has taken the focus
  if (open && !wasOpen.current) opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  wasOpen.current = open;
  useEffect(() => {
    if (open || !opener.current) return;
    const el = opener.current;
    opener.current = null;
    const timer = setTimeout(() => el.isConnected && el.focus(), 0);
    return () => clearTimeout(timer);
  }, [open]);
}
