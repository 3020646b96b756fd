import { MessageBar, MessageBarBody, type MessageBarProps } from '@fluentui/react-components';

/**
 * A message above a page or a form: Fluent's MessageBar with its body. A refusal that must be
 * read at once is an ErrorBar, which takes the focus.
 */
export function NoticeBar({ children, ...bar }: MessageBarProps) {
  return (
    <MessageBar {...bar}>
      <MessageBarBody>{children}</MessageBarBody>
    </MessageBar>
  );
}
