import type { ReactNode } from 'react';
import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useT } from '../i18n';

/**
 * What every list page shows while its data comes: the error in the reader's language, a
 * spinner, the empty message, or the content.
 */
export function Loadable<T>({ data, error, empty, children }: {
  data: T | undefined; error: unknown; empty?: (data: T) => string | null; children: (data: T) => ReactNode;
}) {
  const { t, problem } = useT();
  if (error) return <MessageBar intent="error"><MessageBarBody>{problem(error)}</MessageBarBody></MessageBar>;
  if (data === undefined) return <Spinner label={t('common.loading')} />;
  const emptyText = empty?.(data);
  return <>{emptyText ? <p>{emptyText}</p> : children(data)}</>;
}
