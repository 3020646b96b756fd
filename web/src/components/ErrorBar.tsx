import { useEffect, useRef, type ReactNode, type Ref } from 'react';
import { MessageBar, MessageBarBody, makeStyles } from '@fluentui/react-components';

const useStyles = makeStyles({ bar: { scrollMarginTop: '80px', ':focus': { outlineStyle: 'none' } } });

/**
 * An error where the eye is: it takes the focus when it appears or changes, so that it is scrolled
 * into view and read out, wherever the click that caused it was.
 */
export function ErrorBar({ children }: { children: ReactNode }) {
  const styles = useStyles();
  const ref = useRef<HTMLDivElement>(null);
  const text = typeof children === 'string' ? children : null;
  useEffect(() => {
    ref.current?.focus();
  }, [text]);
  return (
    // Fluent infers its components' ref as never under exactOptionalPropertyTypes (microsoft/fluentui#25993)
    <MessageBar ref={ref as Ref<never>} intent="error" role="alert" tabIndex={-1} className={styles.bar}>
      <MessageBarBody>{children}</MessageBarBody>
    </MessageBar>
  );
}
