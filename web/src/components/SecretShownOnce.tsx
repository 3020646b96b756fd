import { Field, Input, MessageBar, MessageBarBody } from '@fluentui/react-components';

/**
 * What the server shows only once (a signing secret, a token, an app's credentials): what it is
 * and what to do with it, then each value in a labelled read-only field, to select and copy.
 */
export function SecretShownOnce({ text, values }: { text: string; values: [label: string, value: string][] }) {
  return (
    <MessageBar intent="success" style={{ marginBottom: 12 }}>
      <MessageBarBody>
        {text}
        {values.map(([label, value]) => (
          <Field key={label} label={label} style={{ maxWidth: 560 }}>
            <Input readOnly value={value} />
          </Field>
        ))}
      </MessageBarBody>
    </MessageBar>
  );
}
