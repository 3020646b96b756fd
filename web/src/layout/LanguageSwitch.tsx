import { Dropdown, Option, Field } from '@fluentui/react-components';
import { useLocale, useT, type Locale } from '../i18n';

const NAMES: Record<Locale, string> = { fr: 'Français', en: 'English' };

export function LanguageSwitch() {
  const { locale, setLocale } = useLocale();
  const { t } = useT();
  return (
    <Field label={t('language')}>
      <Dropdown
        value={NAMES[locale]}
        selectedOptions={[locale]}
        onOptionSelect={(_, d) => setLocale(d.optionValue as Locale)}
        style={{ minWidth: '140px' }}
      >
        {(Object.keys(NAMES) as Locale[]).map((l) => <Option key={l} value={l} lang={l}>{NAMES[l]}</Option>)}
      </Dropdown>
    </Field>
  );
}
