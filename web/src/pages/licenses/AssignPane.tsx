import { useEffect, useState } from 'react';
import { Button, Combobox, Field, Option, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Dismiss16Regular } from '@fluentui/react-icons';
import { api } from '../../api';
import type { Answer, Item } from '../../api/types';
import { useT } from '../../i18n';
import { Pane, type Notice, type PaneProps } from '../../components/Pane';
import { useOpening } from '../../hooks/useOpening';

type Person = Item<'/api/people'>;
const MAX = 20;

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    listStyleType: 'none',
    padding: 0,
    margin: 0,
  },
  item: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
});

/** "Attribuer des licences aux utilisateurs": type a name, choose it, up to 20; Affecter, then Fermer. */
export function AssignPane({
  subscriptionId,
  onAssigned,
  ...pane
}: PaneProps & { subscriptionId: string; onAssigned: () => void }) {
  const styles = useStyles();
  const { t, problem } = useT();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Person[]>([]);
  const [chosen, setChosen] = useState<Person[]>([]);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);
  const [listOpen, setListOpen] = useState(false);

  if (useOpening(pane.open)) {
    setChosen([]);
    setNotice(null);
    setQuery('');
  }
  // nothing asked, nothing shown
  const shown = query.trim() ? results : [];
  useEffect(() => {
    if (!query.trim()) return;
    let live = true;
    // the directory answers only people of the caller's organization
    const timer = setTimeout(() => {
      api<{ items: Person[] }>(`/api/people?search=${encodeURIComponent(query.trim())}&limit=10`).then(
        (r) => live && setResults(r.items),
        () => {},
      );
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query]);

  function choose(id: string | undefined) {
    const person = shown.find((p) => p.id === id);
    setQuery('');
    if (!person || chosen.some((p) => p.id === person.id)) return;
    if (chosen.length >= MAX) return setNotice({ intent: 'warning', text: t('lic.pane.tooMany') });
    setNotice(null);
    setChosen([...chosen, person]);
  }

  async function assign() {
    if (chosen.length === 0) return;
    setBusy(true);
    setNotice(null);
    try {
      const res = await api<Answer<'/api/subscriptions/{id}/assignments', 'post'>>(
        `/api/subscriptions/${subscriptionId}/assignments`,
        {
          method: 'POST',
          body: { userIds: chosen.map((p) => p.id) },
        },
      );
      const already = res.alreadyAssigned.length
        ? ' ' + t('lic.pane.already', { names: res.alreadyAssigned.map((p) => p.displayName).join(', ') })
        : '';
      setNotice({ intent: 'success', text: t('lic.pane.assigned', { count: res.assigned.length }) + already });
      setChosen([]);
      onAssigned();
    } catch (err) {
      setNotice({ intent: 'error', text: problem(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Pane
      {...pane}
      title={t('lic.pane.title')}
      onSubmit={assign}
      submitLabel={t('lic.pane.assign')}
      busy={busy || chosen.length === 0}
      notice={notice}
    >
      <Field label={t('lic.pane.search')} hint={t('lic.pane.max')}>
        <Combobox
          freeform
          placeholder={t('lic.pane.placeholder')}
          value={query}
          selectedOptions={[]}
          open={listOpen}
          onOpenChange={(_, d) => setListOpen(d.open)}
          onChange={(e) => {
            setQuery(e.target.value);
            setListOpen(true);
          }}
          onOptionSelect={(_, d) => {
            choose(d.optionValue);
            setListOpen(false);
          }}
        >
          {shown.map((p) => (
            <Option key={p.id} value={p.id} text={p.displayName}>{`${p.displayName} (${p.email})`}</Option>
          ))}
          {query.trim() && shown.length === 0 ? (
            <Option disabled value="" text="">
              {t('lic.pane.noResults')}
            </Option>
          ) : null}
        </Combobox>
      </Field>
      <Text size={200}>{t('lic.pane.note')}</Text>
      <Text weight="semibold">{t('lic.pane.selected', { count: chosen.length })}</Text>
      <ul className={styles.list} aria-label={t('lic.pane.search')}>
        {chosen.map((p) => (
          <li key={p.id} className={styles.item}>
            <Text>
              {p.displayName} · {p.email}
            </Text>
            <Button
              appearance="subtle"
              size="small"
              icon={<Dismiss16Regular />}
              aria-label={t('lic.pane.remove', { name: p.displayName })}
              onClick={() => setChosen(chosen.filter((c) => c.id !== p.id))}
            />
          </li>
        ))}
      </ul>
    </Pane>
  );
}
