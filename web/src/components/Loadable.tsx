import type { ReactNode } from 'react';
import { Spinner } from '@fluentui/react-components';
import { useT } from '../i18n';
import { ErrorBar } from './ErrorBar';

/**
 * What every list page shows while its data comes: the error in the reader's language, a
 * spinner, the empty message, or the content.
 */
export function Loadable<T>({
  data,
  error,
  empty,
  children,
}: {
  data: T | undefined;
  error: unknown;
  empty?: (data: T) => string | null;
  children: (data: T) => ReactNode;
}) {
  const { t, problem } = useT();
  if (error) return <ErrorBar>{problem(error)}</ErrorBar>;
  if (data === undefined) return <Spinner label={t('common.loading')} />;
  const emptyText = empty?.(data);
  return <>{emptyText ? <p>{emptyText}</p> : children(data)}</>;
}
