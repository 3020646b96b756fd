import { useEffect, useState } from 'react';
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { sessionEvents } from '../api';
import { useT } from '../i18n';

const KEY = 'selfserve.sessionExpired';

/**
 * A session that ends while the page is open (idle too long, signed out elsewhere) leads back to
 * the sign-in form, which says why; signing in again returns to the same page.
 */
export function useSessionExpiry(signedIn: boolean) {
  useEffect(() => {
    if (signedIn) sessionStorage.removeItem(KEY);
    const expired = () => {
      sessionStorage.setItem(KEY, '1');
      window.location.reload();
    };
    sessionEvents.addEventListener('expired', expired);
    return () => sessionEvents.removeEventListener('expired', expired);
  }, [signedIn]);
}

export function SessionExpiredNotice() {
  const { t } = useT();
  const [expired] = useState(() => sessionStorage.getItem(KEY) !== null);
  if (!expired) return null;
  return (
    <MessageBar intent="warning" role="alert">
      <MessageBarBody>{t('error.unauthenticated')}</MessageBarBody>
    </MessageBar>
  );
}
