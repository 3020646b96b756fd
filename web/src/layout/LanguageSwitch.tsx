import { Dropdown, Option, Field } from '@fluentui/react-components';
import { useLocale, useT, type Locale } from '../i18n';
import { useSession } from '../session';
import { api } from '../api';

const NAMES: Record<Locale, string> = { fr: 'Français', en: 'English' };

export function LanguageSwitch() {
  const { locale, setLocale } = useLocale();
  const { t } = useT();
  const { me } = useSession();
  const choose = (l: Locale) => {
    setLocale(l);
    // signed in, the choice is also the language of their e-mails and invoices
    if (me) api('/api/notifications/language', { method: 'PUT', body: { language: l } }).catch(() => {});
  };
  return (
    <Field label={t('language')}>
      <Dropdown
        value={NAMES[locale]}
        selectedOptions={[locale]}
        onOptionSelect={(_, d) => choose(d.optionValue as Locale)}
        style={{ minWidth: '140px' }}
      >
        {(Object.keys(NAMES) as Locale[]).map((l) => (
          <Option key={l} value={l} lang={l}>
            {NAMES[l]}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
