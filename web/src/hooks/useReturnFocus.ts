import { useEffect, useState } from 'react';
import { useOpening } from './useOpening';

/**
 * Gives focus back to what had it when a pane opened (the button that opened it) once the pane
 * closes, rather than wherever the drawer's own restoring lands.
 */
export function useReturnFocus(open: boolean) {
  const [opener, setOpener] = useState<HTMLElement | null>(null);
  // read during the render that opens the pane: afterwards the pane has taken the focus
  if (useOpening(open)) setOpener(document.activeElement instanceof HTMLElement ? document.activeElement : null);
  useEffect(() => {
    if (open || !opener) return;
    const timer = setTimeout(() => opener.isConnected && opener.focus(), 0);
    return () => clearTimeout(timer);
  }, [open, opener]);
}
