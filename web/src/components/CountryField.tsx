import { useEffect, useMemo, useState } from 'react';
import { Combobox, Field, Option, makeStyles } from '@fluentui/react-components';
import { useLocale, useT } from '../i18n';
import { api } from '../api';
import type { Answer } from '../api/types';

// asked once per page load and shared by every field; a failed request is asked again by the next field
let billingCountries: Promise<string[]> | null = null;

/** The countries we bill to, as the API lists them (those billing accepts), with the error when it cannot be reached. */
function useBillingCountries() {
  const [codes, setCodes] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    billingCountries ??= api<Answer<'/api/billing/countries'>>('/api/billing/countries').then(
      (r) => r.items,
      (e: unknown) => {
        billingCountries = null;
        throw e;
      },
    );
    billingCountries.then(
      (c) => live && setCodes(c),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, []);
  return { codes, error };
}

// short enough to open below the field: taller, Fluent moves the whole list beside the field, out of a pane
const useStyles = makeStyles({ listbox: { maxHeight: '16rem' } });

/** "Pays ou région": chosen from the countries we bill to, named in the reader's language; typing filters them. */
export function CountryField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (code: string) => void;
  error?: string | undefined;
}) {
  const styles = useStyles();
  const { t, problem } = useT();
  const { locale } = useLocale();
  const { codes, error: unreachable } = useBillingCountries();
  const countries = useMemo(() => {
    const names = new Intl.DisplayNames([locale], { type: 'region' });
    return codes
      .map((code) => ({ code, name: names.of(code) ?? code }))
      .sort((a, b) => a.name.localeCompare(b.name, locale));
  }, [codes, locale]);
  const chosen = countries.find((c) => c.code === value)?.name ?? value;
  const [typed, setTyped] = useState<string | null>(null);
  const shown =
    typed === null
      ? countries
      : countries.filter((c) => c.name.toLocaleLowerCase(locale).includes(typed.toLocaleLowerCase(locale)));
  const message = error ?? (unreachable ? problem(unreachable) : null);
  return (
    <Field label={t('buy.country')} required validationState={message ? 'error' : 'none'} validationMessage={message}>
      <Combobox
        autoComplete="country-name"
        listbox={{ className: styles.listbox }}
        value={typed ?? chosen}
        selectedOptions={value ? [value] : []}
        onChange={(e) => setTyped(e.target.value)}
        onOpenChange={(_, d) => !d.open && setTyped(null)}
        onOptionSelect={(_, d) => {
          if (d.optionValue) onChange(d.optionValue);
          setTyped(null);
        }}
      >
        {shown.map((c) => (
          <Option key={c.code} value={c.code}>
            {c.name}
          </Option>
        ))}
      </Combobox>
    </Field>
  );
}
