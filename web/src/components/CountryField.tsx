import { useMemo, useState } from 'react';
import { Combobox, Field, Option } from '@fluentui/react-components';
import { useLocale, useT } from '../i18n';

/** The countries we bill to (their VAT rates are in the tax_rates table); any other is refused. */
export const BILLING_COUNTRIES = ['AT', 'AU', 'BE', 'CA', 'CH', 'DE', 'DK', 'ES', 'FI', 'FR', 'GB', 'IE', 'IT', 'LU', 'NL', 'NO', 'PL', 'PT', 'SE', 'US'];

/** "Pays ou région": chosen from a list in the reader's language; typing filters it. */
export function CountryField({ value, onChange, error }: { value: string; onChange: (code: string) => void; error?: string }) {
  const { t } = useT();
  const { locale } = useLocale();
  const countries = useMemo(() => {
    const names = new Intl.DisplayNames([locale], { type: 'region' });
    return BILLING_COUNTRIES.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) => a.name.localeCompare(b.name, locale));
  }, [locale]);
  const chosen = countries.find((c) => c.code === value)?.name ?? value;
  const [typed, setTyped] = useState<string | null>(null);
  const shown = typed === null ? countries : countries.filter((c) => c.name.toLocaleLowerCase(locale).includes(typed.toLocaleLowerCase(locale)));
  return (
    <Field label={t('buy.country')} required validationState={error ? 'error' : 'none'} validationMessage={error}>
      <Combobox autoComplete="country-name" value={typed ?? chosen} selectedOptions={value ? [value] : []}
        onChange={(e) => setTyped(e.target.value)} onOpenChange={(_, d) => !d.open && setTyped(null)}
        onOptionSelect={(_, d) => { if (d.optionValue) onChange(d.optionValue); setTyped(null); }}>
        {shown.map((c) => <Option key={c.code} value={c.code}>{c.name}</Option>)}
      </Combobox>
    </Field>
  );
}
