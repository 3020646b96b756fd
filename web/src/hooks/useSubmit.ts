import { useState } from 'react';
import { useT } from '../i18n';
import type { FieldErrors } from '../components/CardFields';

/**
 * A form's sending: `busy` while it runs; a refusal in words for above the form (`error`) and by
 * field for under each field it names (`invalid`); `clear` when the form starts afresh.
 */
export function useSubmit() {
  const { problem, fieldErrors } = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [invalid, setInvalid] = useState<FieldErrors>({});
  const clear = () => {
    setError(null);
    setInvalid({});
  };
  /** Sends; `onRefused` also hears of a refusal (a new idempotency key, the card form's own field errors). */
  async function run(send: () => Promise<void>, onRefused?: (err: unknown) => void) {
    setBusy(true);
    clear();
    try {
      await send();
    } catch (err) {
      setError(problem(err));
      setInvalid(fieldErrors(err));
      onRefused?.(err);
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, invalid, run, clear };
}
