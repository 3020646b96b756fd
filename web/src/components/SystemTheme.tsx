import type { ReactNode } from 'react';
import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { useMedia } from '../hooks/useMedia';

/** Fluent's light or dark theme, as the system is set, switching when it does. */
export function SystemTheme({ children }: { children: ReactNode }) {
  const dark = useMedia('(prefers-color-scheme: dark)');
  return <FluentProvider theme={dark ? webDarkTheme : webLightTheme}>{children}</FluentProvider>;
}
