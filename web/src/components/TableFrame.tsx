import type { ReactNode } from 'react';
import { makeStyles } from '@fluentui/react-components';

const useStyles = makeStyles({
  // a wide table scrolls inside its frame on a phone; the page itself never scrolls sideways
  frame: { overflowX: 'auto', maxWidth: '100%', '& > table': { minWidth: '600px' } },
});

/** A table in a frame that scrolls sideways when the screen is narrower than the table (focusable, so the keyboard scrolls it too). */
export function TableFrame({ label, children }: { label: string; children: ReactNode }) {
  const styles = useStyles();
  return <div className={styles.frame} role="region" aria-label={label} tabIndex={0}>{children}</div>;
}
