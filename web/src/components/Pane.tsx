import type { ReactNode } from 'react';
import {
  Button,
  DrawerBody,
  DrawerFooter,
  DrawerHeader,
  DrawerHeaderTitle,
  OverlayDrawer,
  makeStyles,
  mergeClasses,
  tokens,
  type MessageBarIntent,
} from '@fluentui/react-components';
import { Dismiss24Regular } from '@fluentui/react-icons';
import { useT } from '../i18n';
import { ErrorBar } from './ErrorBar';
import { NoticeBar } from './NoticeBar';
import { useNarrow } from '../hooks/useMedia';
import { useReturnFocus } from '../hooks/useReturnFocus';

/** What the page that opens a pane gives it: whether it shows, and how to put it away. */
export interface PaneProps {
  open: boolean;
  onClose: () => void;
}

/** A line above the form that is not a refusal (a refusal is `error`, which takes the focus). */
export type Notice = { intent: MessageBarIntent; text: string };

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

/**
 * The admin center's right-hand pane: a title, a form, an error or notice line and the footer
 * buttons. Submitting the form runs `onSubmit`; Close or Escape dismisses it. A pane without
 * `submitLabel` has no submit button (an invoice already paid); `footnote` stands before the buttons.
 */
export function Pane({
  title,
  open,
  onClose,
  onSubmit,
  submitLabel,
  busy,
  error,
  notice,
  footnote,
  bodyClassName,
  children,
}: PaneProps & {
  title: string;
  onSubmit: () => void | Promise<void>;
  submitLabel?: string | undefined;
  busy?: boolean;
  error?: string | null;
  notice?: Notice | null;
  footnote?: ReactNode;
  bodyClassName?: string;
  children: ReactNode;
}) {
  const styles = useStyles();
  const { t } = useT();
  const narrow = useNarrow();
  useReturnFocus(open);
  return (
    <OverlayDrawer
      position="end"
      size={narrow ? 'full' : 'medium'}
      open={open}
      onOpenChange={(_, d) => !d.open && onClose()}
      aria-label={title}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void onSubmit();
        }}
        style={{ display: 'contents' }}
      >
        <DrawerHeader>
          <DrawerHeaderTitle
            action={
              <Button
                appearance="subtle"
                aria-label={t('common.close')}
                icon={<Dismiss24Regular />}
                onClick={onClose}
              />
            }
          >
            {title}
          </DrawerHeaderTitle>
        </DrawerHeader>
        <DrawerBody className={mergeClasses(styles.body, bodyClassName)}>
          {error && <ErrorBar>{error}</ErrorBar>}
          {notice && <NoticeBar intent={notice.intent}>{notice.text}</NoticeBar>}
          {children}
        </DrawerBody>
        <DrawerFooter>
          {footnote}
          {submitLabel !== undefined && (
            <Button appearance="primary" type="submit" disabled={busy === true}>
              {submitLabel}
            </Button>
          )}
          <Button onClick={onClose}>{t('common.close')}</Button>
        </DrawerFooter>
      </form>
    </OverlayDrawer>
  );
}
