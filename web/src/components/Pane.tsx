import type { ReactNode } from 'react';
import {
  Button,
  DrawerBody,
  DrawerFooter,
  DrawerHeader,
  DrawerHeaderTitle,
  OverlayDrawer,
} from '@fluentui/react-components';
import { Dismiss24Regular } from '@fluentui/react-icons';
import { useT } from '../i18n';
import { ErrorBar } from './ErrorBar';
import { useNarrow } from '../hooks/useMedia';
import { useReturnFocus } from '../hooks/useReturnFocus';

/**
 * The admin center's right-hand pane: a title, a form, an error line and the footer buttons.
 * Submitting the form runs `onSubmit`; Close or Escape dismisses it.
 */
export function Pane({
  title,
  open,
  onClose,
  onSubmit,
  submitLabel,
  busy,
  error,
  children,
}: {
  title: string;
  open: boolean;
  onClose: () => void;
  onSubmit: () => void | Promise<void>;
  submitLabel: string;
  busy?: boolean;
  error?: string | null;
  children: ReactNode;
}) {
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
        <DrawerBody style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
          {error && <ErrorBar>{error}</ErrorBar>}
          {children}
        </DrawerBody>
        <DrawerFooter>
          <Button appearance="primary" type="submit" disabled={busy === true}>
            {submitLabel}
          </Button>
          <Button onClick={onClose}>{t('common.close')}</Button>
        </DrawerFooter>
      </form>
    </OverlayDrawer>
  );
}
