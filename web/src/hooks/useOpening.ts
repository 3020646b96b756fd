import { useState } from 'react';

/**
 * True during the render in which `open` turns true (the first one too, when it starts open): the
 * moment a pane's form starts afresh. State set then is set before anything is shown, with no
 * second pass of an effect (React's "adjusting state when a prop changes").
 */
export function useOpening(open: boolean): boolean {
  const [wasOpen, setWasOpen] = useState(false);
  if (open === wasOpen) return false;
  setWasOpen(open);
  return open;
}
