import { useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router-dom';
import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { useT } from '../i18n';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    flexWrap: 'wrap',
    marginBottom: tokens.spacingVerticalL,
    gap: tokens.spacingHorizontalL,
  },
  title: { ...typographyStyles.title1, margin: 0, overflowWrap: 'anywhere', ':focus': { outlineStyle: 'none' } },
});

/**
 * A page's h1, its actions beside it. It names the browser tab, and after a move within the app
 * it takes the focus, so that a screen reader announces the new page and Tab starts from it.
 */
export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  const styles = useStyles();
  const { t } = useT();
  const { key } = useLocation();
  const h1 = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – ${t('app.title')}`;
  }, [title, t]);
  // "default" is the page the browser loaded: the focus stays at the top of the document there
  useEffect(() => {
    if (key !== 'default') h1.current?.focus();
  }, [key]);
  return (
    <div className={styles.header}>
      <h1 ref={h1} tabIndex={-1} className={styles.title}>
        {title}
      </h1>
      {children}
    </div>
  );
}
